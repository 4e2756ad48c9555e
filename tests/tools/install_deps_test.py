#!/usr/bin/env python3
"""tools/install-deps.sh against stand-in dpkg-query, apt-get, id and sudo programs.

Each case builds a PATH holding only the stand-ins and links to the few real tools the script
uses (bash, sed, grep, awk, dirname), so that what is installed, who the user is and whether
sudo exists are all chosen by the test, and nothing is really installed.
"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPT = os.path.join(ROOT, "tools", "install-deps.sh")
REAL_TOOLS = ["bash", "sed", "grep", "awk", "dirname"]

# Behaves as Debian's dpkg-query -W -f='${Package} ${db:Status-Status}\n': prints the packages
# it knows, says "no packages found" for the others and then exits 1.
DPKG_QUERY = r"""#!/bin/bash
shift 2  # -W -f=...
status=0
for p in "$@"; do
  if grep -qxF "$p" "$FAKE_DIR/installed"; then echo "$p installed"
  elif grep -qxF "$p" "$FAKE_DIR/removed"; then echo "$p config-files"; status=1
  else echo "dpkg-query: no packages found matching $p" >&2; status=1
  fi
done
exit $status
"""

# Logs each call, then fails if told to, else "installs" what it was given.
APT_GET = r"""#!/bin/bash
echo "apt-get $*" >> "$FAKE_DIR/calls"
if [ "$1" = "$FAKE_APT_FAIL" ]; then echo "E: Unable to locate package" >&2; exit 100; fi
if [ "$1" = install ]; then
  for p in "$@"; do case $p in -*|install) ;; *) echo "$p" >> "$FAKE_DIR/installed" ;; esac; done
fi
"""

SUDO = r"""#!/bin/bash
echo "sudo $1" >> "$FAKE_DIR/calls"
exec "$@"
"""

ID = r"""#!/bin/bash
echo "$FAKE_UID"
"""


class InstallDeps(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="install-deps-test-")
        self.bin = os.path.join(self.dir, "bin")
        os.mkdir(self.bin)
        for tool in REAL_TOOLS:
            os.symlink(shutil.which(tool), os.path.join(self.bin, tool))
        self.write_program("dpkg-query", DPKG_QUERY)
        self.write_program("apt-get", APT_GET)
        self.write_program("id", ID)
        self.list = os.path.join(self.dir, "packages.txt")
        with open(self.list, "w") as f:
            f.write("# comment\ng++\n\nlibfmt-dev   # the formatting library\nxvfb\n")
        for name in ["installed", "removed", "calls"]:
            open(os.path.join(self.dir, name), "w").close()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write_program(self, name, text):
        path = os.path.join(self.bin, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, stat.S_IRWXU)

    def installed(self, *packages):
        with open(os.path.join(self.dir, "installed"), "a") as f:
            f.writelines(p + "\n" for p in packages)

    def calls(self):
        with open(os.path.join(self.dir, "calls")) as f:
            return f.read().splitlines()

    def run_script(self, uid="0", apt_fail=""):
        env = {"PATH": self.bin, "FAKE_DIR": self.dir, "FAKE_UID": uid,
               "FAKE_APT_FAIL": apt_fail, "MAILSIM_PACKAGE_LIST": self.list}
        return subprocess.run([shutil.which("bash"), SCRIPT], env=env, capture_output=True,
                              text=True, timeout=60)

    def test_one_package_missing_is_installed_and_named(self):
        self.installed("g++", "xvfb")
        r = self.run_script()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("deps: 1 of 3 Debian packages are missing: libfmt-dev", r.stdout)
        self.assertIn("deps: installed libfmt-dev", r.stdout)
        self.assertEqual(self.calls(), [
            "apt-get update -q",
            "apt-get install -y -q --no-install-recommends libfmt-dev"])

    def test_removed_package_with_config_files_left_counts_as_missing(self):
        self.installed("g++", "xvfb")
        with open(os.path.join(self.dir, "removed"), "w") as f:
            f.write("libfmt-dev\n")
        r = self.run_script()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("apt-get install -y -q --no-install-recommends libfmt-dev", self.calls())

    def test_all_present_runs_no_apt_get(self):
        self.installed("g++", "libfmt-dev", "xvfb")
        r = self.run_script()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "deps: all 3 Debian packages are present\n")
        self.assertEqual(self.calls(), [])

    def test_second_run_after_install_finds_everything(self):
        self.assertEqual(self.run_script().returncode, 0)
        r = self.run_script()
        self.assertEqual(r.stdout, "deps: all 3 Debian packages are present\n")

    def test_not_root_without_sudo_says_what_to_run(self):
        self.installed("g++")
        r = self.run_script(uid="1000")
        self.assertEqual(r.returncode, 1)
        self.assertIn("you are not root and sudo is not installed", r.stderr)
        self.assertIn("as root, run: apt-get install libfmt-dev xvfb", r.stderr)
        self.assertEqual(self.calls(), [])

    def test_not_root_with_sudo_installs_through_sudo(self):
        self.write_program("sudo", SUDO)
        self.installed("g++", "libfmt-dev")
        r = self.run_script(uid="1000")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("installing with sudo", r.stdout)
        self.assertEqual(self.calls(), [
            "sudo apt-get", "apt-get update -q",
            "sudo apt-get", "apt-get install -y -q --no-install-recommends xvfb"])

    def test_apt_get_install_failing_is_reported_with_what_is_missing(self):
        r = self.run_script(apt_fail="install")
        self.assertEqual(r.returncode, 1)
        self.assertIn("'apt-get install' failed; the packages still missing are: "
                      "g++ libfmt-dev xvfb", r.stderr)

    def test_apt_get_update_failing_is_reported(self):
        r = self.run_script(apt_fail="update")
        self.assertEqual(r.returncode, 1)
        self.assertIn("'apt-get update' failed", r.stderr)
        self.assertEqual(self.calls(), ["apt-get update -q"])

    def test_no_dpkg_names_the_packages_to_install_by_hand(self):
        os.remove(os.path.join(self.bin, "dpkg-query"))
        r = self.run_script()
        self.assertEqual(r.returncode, 1)
        self.assertIn("not a Debian system", r.stderr)
        self.assertIn("by hand: g++ libfmt-dev xvfb", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
