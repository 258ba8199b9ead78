"""`resdiff serve`: the comparison, redline and draft in a page on the user's own machine, and an HTTP API.

Starlette, uvicorn and python-multipart are an optional extra (``pip install 'resdiff[serve]'``),
imported only here, so no other command's start-up pays for them.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

from resdiff.errors import UserError

INSTALL_HINT = "install the web page's extra: pip install 'resdiff[serve]'"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_installed() -> None:
    try:
        import multipart  # noqa: F401  (python-multipart, for uploads)
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as err:
        raise UserError(f"resdiff serve needs {err.name or 'starlette/uvicorn'}, which is not installed",
                        INSTALL_HINT) from None


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, opened here so a busy port is a clear error (and --port 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    # proto given explicitly: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose proto says TCP;
    # with Nagle on, every keep-alive response waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as err:
        sock.close()
        if err.errno == 98:  # EADDRINUSE
            raise UserError(f"port {port} on {host} is already in use", f"choose another one, e.g. --port {port + 1}") from None
        raise UserError(f"cannot listen on {host}:{port}: {err.strerror or err}",
                        "use --host 127.0.0.1 (this machine only) or an address of this machine") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(host: str = "127.0.0.1", port: int = 8765, open_browser: bool = False,
          max_upload_mb: float = 20, time_limit: float = 60) -> None:
    """Run the server until interrupted; print its address first (stdout) and any warning (stderr)."""
    check_installed()
    if not 0 <= port <= 65535:
        raise UserError(f"port {port} is out of range", "give a port between 1024 and 65535, e.g. --port 8765")
    if max_upload_mb <= 0 or time_limit <= 0:
        raise UserError("--max-upload and --time-limit must be positive", "e.g. --max-upload 20 --time-limit 60")
    import uvicorn

    from resdiff.serve.app import Settings, create_app, wrap

    loopback = is_loopback(host)
    if not loopback:
        print(f"Warning: listening on {host}: anyone who can reach this machine on the network can use this "
              "server and send it files. Use the default --host 127.0.0.1 to keep it to this computer.",
              file=sys.stderr, flush=True)
    settings = Settings(max_upload=int(max_upload_mb * 1024 * 1024), time_limit=time_limit, loopback=loopback)
    sock = bind(host, port)
    shown_host = f"[{host.strip('[]')}]" if ":" in host else host
    address = f"http://{shown_host}:{sock.getsockname()[1]}/"
    config = uvicorn.Config(wrap(create_app(settings), settings), log_level="warning", access_log=False,
                            timeout_keep_alive=5, lifespan="off", server_header=False)
    server = uvicorn.Server(config)
    print(f"resdiff serve: {address}  (Ctrl+C to stop)", flush=True)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, args=(address,)).start()
    server.run(sockets=[sock])
