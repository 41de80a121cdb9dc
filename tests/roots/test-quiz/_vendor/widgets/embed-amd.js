// a stand-in for embed-amd.js
