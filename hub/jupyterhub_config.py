"""JupyterHub on one machine for a Seven Cs class (see hub/README.md).

Each learner logs in with their name (from learners.txt, beside this file) and
the class password, gets a Unix account of their own on first login, and a
JupyterLab in their home folder. The course link (`sevencs hub-link`) clones the
course into ~/seven-cs with nbgitpuller; each learner's progress is saved in
~/seven-cs/.sevencs/progress.sqlite, where `sevencs report` reads it.

Run it as root, from a folder that keeps the hub's database (/srv/jupyterhub):

    export SEVENCS_CLASS_PASSWORD='at least 8 characters'
    /opt/seven-cs/.venv/bin/jupyterhub -f /opt/seven-cs/hub/jupyterhub_config.py

The tests (tests/hub_harness.py) load this file and then swap the parts that
need root and real accounts (the authenticator's account creation, the spawner)
for ones that keep every simulated learner in a temporary folder.
"""

import grp
import os
import pwd
import re
import sys
from pathlib import Path

from jupyterhub.auth import LocalAuthenticator
from jupyterhub.authenticators.shared import SharedPasswordAuthenticator

c = get_config()  # noqa: F821 (JupyterHub defines it when it reads this file)
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent  # the environment JupyterHub runs in: the course is installed there too

# ------------------------------------------------------------------ who may log in
#: Learners' names: lower-case letters, digits and hyphens, starting with a letter (they become Unix accounts).
NAME = re.compile(r"^[a-z][a-z0-9-]{0,30}$")
LEARNERS_FILE = Path(os.environ.get("SEVENCS_LEARNERS", HERE / "learners.txt"))


def read_learners(path: Path) -> set[str]:
    """The names in ``path``, one a line (blank lines and # comments skipped), lower-cased and checked."""
    if not path.is_file():
        sys.exit(f"No learners: write their names, one a line, in {path} (or name another file in $SEVENCS_LEARNERS)")
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip().lower()
        if not name:
            continue
        if not NAME.match(name):
            sys.exit(f"{path}: {name!r} cannot be a learner's name: use a-z, 0-9 and -, starting with a letter")
        if _privileged(name):  # never start a learner's server as root, www-data or an administrator
            sys.exit(f"{path}: {name!r} is a system or administrator account here; give that learner another name")
        names.add(name)
    if not names:
        sys.exit(f"No learners: write their names, one a line, in {path} (or name another file in $SEVENCS_LEARNERS)")
    return names


def _privileged(name: str) -> bool:
    """Whether ``name`` is an existing system account (uid below 1000) or in an administrators' group."""
    try:
        account = pwd.getpwnam(name)
    except KeyError:
        return False  # a new learner: their account is made on first login
    admins = {m for g in grp.getgrall() if g.gr_name in ("sudo", "admin", "wheel") for m in g.gr_mem}
    return account.pw_uid < 1000 or name in admins


class ClassPasswordAuthenticator(LocalAuthenticator, SharedPasswordAuthenticator):
    """The class password (SharedPasswordAuthenticator) and a Unix account made on first login (LocalAuthenticator)."""


c.JupyterHub.authenticator_class = ClassPasswordAuthenticator
c.LocalAuthenticator.create_system_users = True  # `adduser` on first login; the home is /home/<name>
c.Authenticator.allowed_users = read_learners(LEARNERS_FILE)
c.Authenticator.allow_all = False  # nobody else can log in, whatever password they know
c.Authenticator.username_pattern = NAME.pattern
c.SharedPasswordAuthenticator.user_password = os.environ.get("SEVENCS_CLASS_PASSWORD", "")
# The instructor: an account of its own, with a separate password of at least 32 characters.
if os.environ.get("SEVENCS_ADMIN_PASSWORD"):
    c.SharedPasswordAuthenticator.admin_password = os.environ["SEVENCS_ADMIN_PASSWORD"]
    c.Authenticator.admin_users = {os.environ.get("SEVENCS_ADMIN", "instructor")}

# ------------------------------------------------------------------ each learner's JupyterLab
c.JupyterHub.spawner_class = "localprocess"  # one process per learner, running as their Unix account
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# Under a login burst on a small machine a server can take well over JupyterHub's default 30 s to
# answer (20 learners at once took about 40 s each on 2 cores): wait longer rather than fail them.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
# A kernel whose notebook tab was closed is stopped after 30 idle minutes, which frees most of a
# learner's memory; kernels with a tab open are kept.
c.Spawner.args = [
    "--MappingKernelManager.cull_idle_timeout=1800",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=False",
]
# LocalProcessSpawner cannot enforce a memory limit; see hub/README.md for what to plan for.

# ------------------------------------------------------------------ the idle culler
#: Seconds without activity after which a learner's server is stopped (their files stay).
IDLE = int(os.environ.get("SEVENCS_IDLE_TIMEOUT", "3600"))
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={IDLE}", "--cull-every=300"],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]

# ------------------------------------------------------------------ the proxy
# configurable-http-proxy from hub/node_modules (`npm ci` in hub/), else the one on PATH.
_proxy = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
if _proxy.exists():
    c.ConfigurableHTTPProxy.command = [str(_proxy)]
