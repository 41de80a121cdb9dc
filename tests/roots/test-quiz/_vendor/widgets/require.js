// a stand-in for require.js
