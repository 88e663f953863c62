"""Importing Parallax: NumPy's BLAS on one thread unless the user says otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CODE = (
    "import sys; import parallax; assert 'numpy' not in sys.modules, 'too late'; "
    "import os, numpy; print(os.environ['OPENBLAS_NUM_THREADS'])"
)


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_blas_runs_on_one_thread_unless_the_user_set_it(given: str | None, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    proc = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == expected
