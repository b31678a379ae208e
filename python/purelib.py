"""Prints where `meson install` puts the Python module under a prefix: the folder of pure
Python packages that this interpreter searches for that prefix.

Meson 1.0's python.get_install_dir() applies Debian's deb_system scheme to every prefix, so
for the default prefix /usr/local it answers /usr/local/lib/python3/dist-packages, which
Debian's Python does not search (it searches /usr/local/lib/python3.X/dist-packages). So the
interpreter is asked: the system prefix keeps the distribution's folder (deb_system on
Debian, /usr/lib/python3/dist-packages), /usr/local on Debian its posix_local folder, and any
other prefix the standard {prefix}/lib/python3.X/site-packages, which PYTHONPATH names.

Usage: python3 purelib.py PREFIX
"""

import os
import sys
import sysconfig


def purelib(prefix):
    prefix = os.path.normpath(prefix)
    schemes = sysconfig.get_scheme_names()
    base = os.path.normpath(sys.base_prefix)
    if prefix == base and "deb_system" in schemes:
        return sysconfig.get_path("purelib", "deb_system", vars={"base": prefix})
    if prefix == "/usr/local" and base == "/usr" and "posix_local" in schemes:
        # Debian's posix_local adds local/ to the base itself.
        return sysconfig.get_path("purelib", "posix_local", vars={"base": base})
    if prefix == base:
        return sysconfig.get_path("purelib")
    return sysconfig.get_path("purelib", "posix_prefix", vars={"base": prefix})


if __name__ == "__main__":
    print(purelib(sys.argv[1]))
