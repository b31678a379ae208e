"""`meson install` puts the module in the Python's folder of packages under the prefix, with a
_paths.py naming the installed library, and the installed copy draws the build tree's chart.
Installs into a temporary DESTDIR. Arguments: the command line, the build folder, meson and the
version of meson that configured the build (another version may refuse the build folder)."""

import os
import re
import subprocess
import sys
import unittest

import tlpytest
from tlpytest import SAMPLE

import timeline


def arguments():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    return (args + [None, None, None, None])[1:4]


def skip_reason():
    if not BUILD_DIR or not MESON:
        return "run by meson test (a build folder and meson)"
    version = subprocess.run([MESON, "--version"], capture_output=True, text=True).stdout.strip()
    if CONFIGURED_WITH and version != CONFIGURED_WITH:
        return f"{MESON} is meson {version}, the build folder is meson {CONFIGURED_WITH}'s"
    return None


BUILD_DIR, MESON, CONFIGURED_WITH = arguments()
SKIP = skip_reason()


@unittest.skipIf(SKIP, SKIP)
class Install(tlpytest.TempDirTestCase):
    @classmethod
    def setUpClass(cls):
        cls.destdir = __import__("tempfile").mkdtemp(prefix="tl-install-")
        cls.install = subprocess.run(
            [MESON, "install", "-C", BUILD_DIR, "--no-rebuild", "--quiet", "--destdir",
             cls.destdir], capture_output=True, text=True)
        cls.package = None
        for root, dirs, files in os.walk(cls.destdir):
            if os.path.basename(root) == "timeline" and "__init__.py" in files:
                cls.package = root

    @classmethod
    def tearDownClass(cls):
        __import__("shutil").rmtree(cls.destdir, True)

    def setUp(self):
        super().setUp()
        self.assertEqual(self.install.returncode, 0, self.install.stderr)
        self.assertIsNotNone(self.package, "no timeline/__init__.py installed")

    def installed_paths(self):
        with open(os.path.join(self.package, "_paths.py"), encoding="utf-8") as f:
            text = f.read()
        return re.search(r'^LIBRARY = "(.*)"$', text, re.M).group(1)

    def test_files(self):
        for name in ("__init__.py", "_chart.py", "_errors.py", "_lib.py", "_options.py",
                     "_sources.py", "_paths.py"):
            self.assertTrue(os.path.isfile(os.path.join(self.package, name)), name)

    def test_purelib_on_the_path(self):
        # Under the prefix, in the folder that Python searches for it (or, for a prefix of
        # its own, the standard one that PYTHONPATH names).
        purelib = os.path.dirname(self.package)[len(self.destdir):]
        self.assertRegex(purelib, r"/(site|dist)-packages$")
        import site
        import sysconfig
        prefix = os.path.dirname(os.path.dirname(self.installed_paths()))
        for _ in range(3):  # libdir may be lib/x86_64-linux-gnu
            if purelib.startswith(prefix + "/"):
                break
            prefix = os.path.dirname(prefix)
        self.assertTrue(purelib.startswith(prefix + "/"), (purelib, prefix))
        if prefix in ("/usr", "/usr/local") and "deb_system" in sysconfig.get_scheme_names():
            self.assertIn(purelib, sys.path + site.getsitepackages())

    def test_paths_name_the_installed_library(self):
        library = self.installed_paths()
        self.assertTrue(os.path.isabs(library), library)
        self.assertRegex(os.path.basename(library), r"^libtimeline\.so\.\d+$")
        self.assertTrue(os.path.exists(self.destdir + library), library)
        # Not the build tree's.
        self.assertNotIn(os.path.abspath(BUILD_DIR), library)

    def test_installed_copy_draws(self):
        library = self.destdir + self.installed_paths()
        code = ("import sys, timeline; "
                "sys.stdout.buffer.write(timeline.render(sys.argv[1], 'svg'))")
        env = dict(os.environ, PYTHONPATH=os.path.dirname(self.package),
                   TIMELINE_LIBRARY=library)
        p = subprocess.run([sys.executable, "-c", code, SAMPLE], env=env, capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, timeline.render(SAMPLE, "svg"))
        # Imported from the installed folder, not the build tree.
        p = subprocess.run([sys.executable, "-c", "import timeline; print(timeline.__file__)"],
                           env=env, capture_output=True, text=True)
        self.assertTrue(p.stdout.startswith(self.package), p.stdout)


if __name__ == "__main__":
    tlpytest.main()
