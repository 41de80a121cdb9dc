// a stand-in for assets-path.js
