"""Warm kernels: started ahead of need, serving one engagement, reset between notebooks.

A :class:`WarmKernel` is an ipykernel started with the build's environment
(``SMTOOLKIT_MODE=batch``) over IPC sockets in a private temporary folder (no TCP ports,
no ports to race for). Right after start it runs :data:`session.WARMUP` (pandas,
matplotlib and the toolkit imported once) without waiting for it. :meth:`WarmKernel.claim`
binds it to one engagement for life; :meth:`WarmKernel.prepare` resets the session before
each notebook. papermill executes the notebook in it through the ``smtoolkit-warm`` engine,
which hands papermill's notebook client this kernel instead of starting one.

:class:`KernelPool` keeps one spare kernel started in the background, so the next
engagement's kernel boots and imports while the current one works.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
import weakref
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import ensure_async, run_sync
from nbclient.util import run_hook
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.iorw import write_ipynb
from papermill.log import logger

from smtoolkit.build.session import WARMUP
from smtoolkit.errors import BuildError
from smtoolkit.notebook import MODE_ENV

__all__ = ["ENGINE", "KernelPool", "WarmKernel", "WarmNotebookClient"]

#: The papermill engine name that runs a notebook in a :class:`WarmKernel`.
ENGINE = "smtoolkit-warm"
#: Seconds for a kernel to start and import pandas, matplotlib and the toolkit.
_STARTUP_TIMEOUT = 180.0
_RESET_TIMEOUT = 60.0


class WarmKernel:
    """One kernel process that serves the notebooks of a single engagement."""

    def __init__(self, kernel_name: str = "python3") -> None:
        self._dir = tempfile.mkdtemp(prefix="smtoolkit-kernel-")
        #: nbclient (inside papermill) drives the kernel through an asynchronous manager and
        #: client; this process's own warm-up and reset messages use a blocking client.
        self.km = AsyncKernelManager(
            kernel_name=kernel_name, transport="ipc", ip=os.path.join(self._dir, "k")
        )
        env = {**os.environ, MODE_ENV: "batch"}
        run_sync(self.km.start_kernel)(cwd=self._dir, env=env)
        self.kc = BlockingKernelClient()
        self.kc.load_connection_info(self.km.get_connection_info())
        self.kc.start_channels(iopub=False, stdin=False, hb=False, control=False)  # replies are all it reads
        self.owner: str | None = None
        self._warmup: str | None = self.kc.execute(WARMUP, silent=True, store_history=False)
        self._finalizer = weakref.finalize(self, _stop, self.km, self.kc, self._dir)

    def ready(self) -> None:
        """Wait until the kernel has started and done the warm-up imports (sent at start)."""
        if self._warmup is not None:
            self._await(self._warmup, "starting", _STARTUP_TIMEOUT)
            self._warmup = None

    def claim(self, owner: str) -> None:
        """Bind the kernel to ``owner`` (an engagement); a second owner is refused."""
        if self.owner is not None and self.owner != owner:
            raise BuildError(f"a kernel of {self.owner!r} cannot serve {owner!r}")
        self.owner = owner

    def prepare(self, cwd: Path) -> None:
        """Reset the session for the next notebook, working in ``cwd``."""
        self.ready()
        code = f"import smtoolkit.build.session as _s; _s.reset({str(cwd)!r})"
        self._await(self.kc.execute(code, silent=True, store_history=False), "resetting", _RESET_TIMEOUT)

    def alive(self) -> bool:
        """True while the kernel process runs."""
        return bool(run_sync(self.km.is_alive)())

    def shutdown(self) -> None:
        """Stop the kernel at once and remove its sockets."""
        self._finalizer()

    def _await(self, msg_id: str, doing: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            except Exception as err:  # queue.Empty: no answer in time
                raise BuildError(f"the kernel did not answer while {doing}") from err
            if reply["parent_header"].get("msg_id") != msg_id:
                continue
            content = reply["content"]
            if content.get("status") != "ok":
                raise BuildError(
                    f"the kernel failed while {doing}: {content.get('ename')}: {content.get('evalue')}"
                )
            return


def _stop(km: AsyncKernelManager, kc: Any, folder: str) -> None:
    try:
        kc.stop_channels()
    finally:
        try:
            if km.has_kernel:
                run_sync(km.shutdown_kernel)(now=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


class KernelPool:
    """Hands out warm kernels, one per engagement, keeping one spare started ahead."""

    def __init__(self, kernel_name: str = "python3", spare: bool = True) -> None:
        self.kernel_name = kernel_name
        self.keep_spare = spare
        self._spare: WarmKernel | None = None
        atexit.register(self.close)

    def take(self, owner: str) -> WarmKernel:
        """A kernel for ``owner`` alone; starts the next spare before returning."""
        kernel = self._spare if self._spare is not None and self._spare.alive() else None
        if kernel is None and self._spare is not None:
            self._spare.shutdown()
        self._spare = None
        if kernel is None:
            kernel = WarmKernel(self.kernel_name)
        if self.keep_spare:
            self._spare = WarmKernel(self.kernel_name)
        kernel.claim(owner)
        return kernel

    def close(self) -> None:
        """Stop the spare kernel."""
        if self._spare is not None:
            self._spare.shutdown()
            self._spare = None


class WarmNotebookClient(PapermillNotebookClient):  # type: ignore[misc]
    """papermill's notebook client, connecting to a running kernel without a fixed wait.

    jupyter_client's ``wait_for_ready`` ends by draining the IOPub channel until it has
    been quiet for 0.2 s; with a kernel that is known to run, that is a pause before every
    notebook. :func:`_handshake` instead waits for the kernel's answer to a
    ``kernel_info`` request on both channels: the reply on shell, and the ``idle`` status
    of that request on IOPub, which proves that this client hears the kernel's outputs.
    """

    async def async_start_new_kernel_client(self) -> Any:
        """Create the client for the warm kernel and check that both channels work."""
        assert self.km is not None
        self.kc = self.km.client()
        try:
            await ensure_async(self.kc.start_channels())
            await _handshake(self.kc, float(self.startup_timeout))
        except Exception:
            self.kc.stop_channels()
            self.kc = None
            raise
        self.kc.allow_stdin = False
        await run_hook(self.on_notebook_start, notebook=self.nb)
        return self.kc

    # nbclient binds the synchronous variant to its own coroutine; papermill calls that one
    start_new_kernel_client = run_sync(async_start_new_kernel_client)


async def _handshake(kc: Any, timeout: float) -> None:
    """Wait until ``kc`` receives a ``kernel_info`` reply and that request's idle status.

    A new subscriber may miss the first messages the kernel publishes (IOPub connects
    asynchronously), so the request is repeated until its idle status arrives.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg_id = kc.kernel_info()
        reply = await _next_of(kc.shell_channel, msg_id, min(deadline, time.monotonic() + 5.0))
        if reply is None:
            continue
        idle = await _next_of(kc.iopub_channel, msg_id, min(deadline, time.monotonic() + 0.5), "idle")
        if idle is not None:
            kc._handle_kernel_info_reply(reply)
            return
    raise BuildError(f"the kernel did not answer within {timeout:.0f} s")


async def _next_of(
    channel: Any, msg_id: str, until: float, status: str | None = None
) -> dict[str, Any] | None:
    """The next message on ``channel`` from request ``msg_id``, or None by the time ``until``.

    With ``status`` only a status message with that execution state counts.
    """
    while (left := until - time.monotonic()) > 0:
        try:
            msg: dict[str, Any] = await ensure_async(channel.get_msg(timeout=left))
        except Empty:
            return None
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if status is None or (
            msg.get("msg_type") == "status" and msg.get("content", {}).get("execution_state") == status
        ):
            return msg
    return None


class WarmEngine(NBClientEngine):  # type: ignore[misc]
    """papermill's nbclient engine, executing in a given :class:`WarmKernel`."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        *,
        warm_kernel: WarmKernel,
        failure_path: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """Run the cells with papermill's client in ``warm_kernel``; the kernel stays up.

        The build asks papermill not to save the notebook after every cell (each save
        serializes and validates the whole notebook, outputs included, about twenty times
        per notebook); papermill writes it once at the end. When the run stops on a
        timeout or a dead kernel, the notebook as far as it got is written to
        ``failure_path``, so the failing cell can still be named.
        """
        client = WarmNotebookClient(
            nb_man,
            km=warm_kernel.km,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        try:
            return client.execute()
        except Exception:
            if failure_path is not None:
                write_ipynb(nb_man.nb, failure_path)
            raise
        finally:
            if client.kc is not None:  # nbclient leaves the client of a kernel it does not own open
                client.kc.stop_channels()
                client.kc = None


papermill_engines.register(ENGINE, WarmEngine)
