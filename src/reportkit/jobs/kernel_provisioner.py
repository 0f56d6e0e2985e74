"""The jupyter_client kernel provisioner of forked report kernels (see ``jobs.kernel_fork``).

Kept apart so that importing ``jobs.kernel_fork`` (the CLI does, through
``jobs.run``) does not import jupyter_client.
"""

from __future__ import annotations

import os
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

from reportkit.jobs.kernel_fork import active_server


class ForkProvisioner(LocalProvisioner):
    """LocalProvisioner whose kernel process is forked by the fork server (plain launch without one)."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        server = active_server()
        if server is None or not server.can_fork(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        self.process = server.fork_kernel(cmd, kwargs.get("env") or dict(os.environ), cwd)
        self.pid = self.process.pid
        self.pgid = self.process.pid  # the child called setsid()
        self.cwd = cwd
        return self.connection_info
