// Runs the course's JupyterLite install step inside real Pyodide, in Node, offline.
//
// It starts Pyodide (from node_modules/pyodide, the version the JupyterLite kernel
// loads) the way the kernel's worker does: micropip, then piplite pointed at the
// site's package indexes with PyPI switched off, then the kernel's own packages.
// Then it runs the notebooks' install code (sevencs.publish.lite.INSTALL_CODE) word for word.
// Packages that come from Pyodide's own distribution (numpy, pandas...) live on
// Pyodide's CDN, which this machine cannot reach: their loads are recorded, not
// performed. Everything the site itself serves is installed for real.
//
// usage: node pyodide_install.mjs <site url ending in /lite/> <micropip wheel> <install code file> <probe file>
// prints one JSON line: {"ok": bool, "error": str, "loaded": [...], "probe": <the probe's JSON output>}
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const [site, micropipWheel, installFile, probeFile] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const { loadPyodide } = await import(path.join(here, "node_modules/pyodide/pyodide.mjs"));
const result = { ok: false, error: "", loaded: [], probe: null };
try {
  const py = await loadPyodide({ indexURL: path.join(here, "node_modules/pyodide") + "/", stdout: () => {}, stderr: () => {} });
  py.loadPackage = async (names) => { result.loaded.push(...(typeof names === "string" ? [names] : Array.from(names))); };
  // micropip: Pyodide's own copy is on the CDN; the same version's wheel from PyPI is unpacked instead.
  py.FS.writeFile("/tmp/micropip.whl", readFileSync(micropipWheel));
  py.runPython("import site, zipfile; zipfile.ZipFile('/tmp/micropip.whl').extractall(site.getsitepackages()[0])");
  const kernelIndex = `${site}extensions/@jupyterlite/pyodide-kernel-extension/static/pypi/`;
  const pipliteWheel = JSON.parse(await (await fetch(kernelIndex + "all.json")).text()).piplite;
  const wheelUrl = kernelIndex + Object.values(pipliteWheel.releases)[0][0].url.replace(/^\.\//, "");
  // as the kernel's worker does (initPackageManager, initKernel), with the site's settings
  await py.runPythonAsync(`
import micropip
await micropip.install(${JSON.stringify(wheelUrl)}, keep_going=True)
import piplite.piplite
piplite.piplite._PIPLITE_DISABLE_PYPI = True
piplite.piplite._PIPLITE_URLS = ${JSON.stringify([site + "pypi/all.json", kernelIndex + "all.json"])}
for name in ["ipykernel", "comm", "pyodide-kernel", "jedi", "ipython"]:
    await piplite.install(name, keep_going=True)
`);
  // the notebooks' first lines, as the site's copies have them
  await py.runPythonAsync(readFileSync(installFile, "utf8"));
  result.probe = JSON.parse(await py.runPythonAsync(readFileSync(probeFile, "utf8")));
  result.ok = true;
} catch (error) {
  result.error = String(error && error.message ? error.message : error).split("\n").slice(-4).join("\n");
}
console.log(JSON.stringify(result));
process.exit(0);
