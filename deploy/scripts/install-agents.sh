#!/usr/bin/env bash
# Installs the pinned coding-agent CLIs (Claude Code and OpenAI Codex) into a folder of the
# project's, so the end-to-end tests drive the same real CLIs on every machine and nothing is
# installed system-wide. The tests point them at loopback stand-ins of their APIs: no network
# is needed to run them, only to install them.
#
# Usage: install-agents.sh [DEST]      (default: <repo>/.tools/agents)
#
# The binaries end up at DEST/node_modules/.bin/claude and DEST/node_modules/.bin/codex. Running
# the script again is a no-op once the pinned versions are in place. The install goes into a
# temporary folder beside DEST and is moved into place only when both CLIs run, so an interrupted
# install never looks like a finished one.
set -euo pipefail

# Pinned exactly: the tests speak these versions' wire protocols through the stand-ins.
CLAUDE_CODE_VERSION="2.1.332"
CODEX_VERSION="0.171.0"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$script_dir/../.." && pwd)"
dest="${1:-$repo_dir/.tools/agents}"

die() {
  echo "install-agents: $*" >&2
  exit 1
}

# Prints the first version-looking word the binary at $1 prints for --version, or nothing.
installed_version() {
  local bin="$1" out
  [[ -x "$bin" ]] || return 0
  out="$("$bin" --version 2>/dev/null || true)"
  grep -Eo '[0-9]+\.[0-9]+\.[0-9]+' <<<"$out" | head -n 1
}

already_installed() {
  local claude codex
  claude="$(installed_version "$dest/node_modules/.bin/claude")"
  codex="$(installed_version "$dest/node_modules/.bin/codex")"
  if [[ "$claude" == "$CLAUDE_CODE_VERSION" && "$codex" == "$CODEX_VERSION" ]]; then
    echo "install-agents: claude $claude and codex $codex already installed at $dest"
    exit 0
  fi
}

command -v npm >/dev/null 2>&1 || die "npm is needed to install the agent CLIs (Node.js 18 or later)"
already_installed
mkdir -p "$(dirname "$dest")" || die "cannot create $(dirname "$dest")"

# Two builds may start at once; the second waits for the first and then finds its work.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$dest.lock" || die "cannot open the lock file $dest.lock"
  flock 9 || die "cannot lock $dest.lock"
  already_installed
fi

tmp="$(mktemp -d "$(dirname "$dest")/.agents-install.XXXXXX")" || die "cannot create a temporary folder beside $dest"
trap 'rm -rf "$tmp"' EXIT
stage="$tmp/stage"
mkdir -p "$stage"

if ! npm install --prefix "$stage" --no-audit --no-fund --loglevel=error --save-exact \
  "@anthropic-ai/claude-code@$CLAUDE_CODE_VERSION" "@openai/codex@$CODEX_VERSION" >"$tmp/install.log" 2>&1; then
  tail -n 20 "$tmp/install.log" >&2
  die "npm install of @anthropic-ai/claude-code@$CLAUDE_CODE_VERSION and @openai/codex@$CODEX_VERSION failed"
fi

claude="$(installed_version "$stage/node_modules/.bin/claude")"
codex="$(installed_version "$stage/node_modules/.bin/codex")"
[[ "$claude" == "$CLAUDE_CODE_VERSION" ]] || die "the installed claude does not run or reports '$claude'"
[[ "$codex" == "$CODEX_VERSION" ]] || die "the installed codex does not run or reports '$codex'"

old="$tmp/old"
if [[ -e "$dest" ]]; then
  mv "$dest" "$old" || die "cannot move the old install at $dest aside"
fi
mv -T "$stage" "$dest" || die "cannot move the new install into $dest"
echo "install-agents: installed claude $claude and codex $codex at $dest"
