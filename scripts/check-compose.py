"""Static checks of docker/compose.yml (no Docker engine is needed).

Run by scripts/test with the venv's python (PyYAML is installed there by
scripts/setup):  check-compose.py docker/compose.yml

Checks: the file parses; every service builds from docker/Dockerfile or uses
an image; every published port is bound to 127.0.0.1 (nothing is exposed on
the host's other interfaces); every volume a service mounts is declared;
every --bootnodes peer id matches the fixed --node-key of the service it names;
no RPC is unsafe: no service (nor the Dockerfile's default command) passes
--rpc-methods unsafe, --unsafe-rpc-external, --sealing or
--unsafe-sealing-rpc-external; validators expose no RPC (no --rpc-external,
no published port); and a service with --rpc-external serves safe methods only.
At least four validators (finality survives losing one). The Dockerfile
builds the node with the `metadata-hash` feature (so
`CheckMetadataHash` works for offline signers) and never with `fast-runtime`.

docker/compose.parachain.yml (the collator under polkadot-omni-node) gets the
same checks but the validator count (finality is the relay chain's), against
docker/Dockerfile.parachain: check-compose.py docker/compose.parachain.yml
"""

import sys

import yaml

# libp2p peer ids of the fixed ed25519 node keys used in compose.yml.
KNOWN_PEER_IDS = {
    "0000000000000000000000000000000000000000000000000000000000000001":
        "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp",
    "0000000000000000000000000000000000000000000000000000000000000002":
        "12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD",
    "0000000000000000000000000000000000000000000000000000000000000003":
        "12D3KooWSCufgHzV4fCwRijfH2k3abrpAJxTKxEvN1FDuRXA2U9x",
    "0000000000000000000000000000000000000000000000000000000000000004":
        "12D3KooWSsChzF81YDUKpe9Uk5AHV5oqAaXAcWNSPYgoLauUk4st",
}


def flag_values(command, flag):
    """Values of `--flag VALUE` or `--flag=VALUE` in a command list."""
    out = []
    for i, arg in enumerate(command):
        if arg == flag and i + 1 < len(command):
            out.append(command[i + 1])
        elif arg.startswith(flag + "="):
            out.append(arg.split("=", 1)[1])
    return out


UNSAFE_FLAGS = ("--unsafe-rpc-external", "--sealing", "--unsafe-sealing-rpc-external")


def rpc_errors(name, cmd):
    """What in `cmd` (a node's arguments) could expose unsafe RPC."""
    errors = []
    for flag in UNSAFE_FLAGS:
        if flag in cmd or any(arg.startswith(flag + "=") for arg in cmd):
            errors.append(f"{name}: {flag} must not be used")
    methods = flag_values(cmd, "--rpc-methods")
    if any(m.lower() == "unsafe" for m in methods):
        errors.append(f"{name}: --rpc-methods unsafe must not be used")
    return errors


def dockerfile_cmd(path):
    """The default command (exec form) of the Dockerfile at `path`."""
    import json

    cmd = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("CMD "):
                cmd = json.loads(line[4:])
    return cmd


def dockerfile_build_errors(path):
    """The image's node must be a production build: `metadata-hash` on, `fast-runtime` off."""
    with open(path, encoding="utf-8") as f:
        # Join continuation lines, so one RUN instruction is one line.
        text = f.read().replace("\\\n", " ")
    builds = [line for line in text.splitlines() if "cargo build" in line]
    errors = []
    if not builds:
        errors.append(f"{path}: no cargo build")
    for line in builds:
        words = line.split()
        features = []
        for i, word in enumerate(words):
            if word == "--features" and i + 1 < len(words):
                features.extend(words[i + 1].split(","))
            elif word.startswith("--features="):
                features.extend(word.split("=", 1)[1].split(","))
        names = {f.split("/")[-1] for f in features}
        if "metadata-hash" not in names:
            errors.append(f"{path}: cargo build without --features metadata-hash")
        if "fast-runtime" in names:
            errors.append(f"{path}: cargo build with the test-only fast-runtime feature")
    return errors


# The indexer's image (Subsquid processor and GraphQL server), built from the repository root.
INDEXER = "indexer/Dockerfile"


def main(path):
    parachain = path.endswith("compose.parachain.yml")
    dockerfile = "docker/Dockerfile.parachain" if parachain else "docker/Dockerfile"
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    errors = []
    services = doc.get("services") or {}
    if not services:
        errors.append("no services")
    declared_volumes = set((doc.get("volumes") or {}).keys())

    validators = [
        name for name, svc in services.items()
        if isinstance(svc.get("command"), list) and "--validator" in svc["command"]
    ]
    if not parachain and len(validators) < 4:
        errors.append(
            f"{len(validators)} validators: GRANDPA needs more than two thirds of the votes, "
            "so at least four are needed to survive losing one"
        )

    node_keys = {}
    for name, svc in services.items():
        cmd = svc.get("command") or []
        if isinstance(cmd, str):
            errors.append(f"{name}: command must be a list, not a string")
            cmd = []
        keys = flag_values(cmd, "--node-key")
        if keys:
            node_keys[name] = keys[0]

    for name, svc in services.items():
        if "build" not in svc and "image" not in svc:
            errors.append(f"{name}: neither build nor image")
        build = svc.get("build")
        if isinstance(build, dict) and build.get("dockerfile") not in (None, dockerfile, INDEXER):
            errors.append(f"{name}: unexpected dockerfile {build.get('dockerfile')}")
        if isinstance(build, dict) and build.get("dockerfile") == INDEXER:
            # The processor reads past blocks' state: its RPC node must keep it all.
            archive = [
                other for other, o in services.items()
                if isinstance(o.get("command"), list) and "--rpc-external" in o["command"]
                and flag_values(o["command"], "--state-pruning") == ["archive"]
            ]
            if not archive:
                errors.append(f"{name}: the indexer needs an RPC node with --state-pruning archive")
        for port in svc.get("ports") or []:
            if isinstance(port, dict):
                ok = port.get("host_ip") == "127.0.0.1"
            else:
                ok = str(port).startswith("127.0.0.1:")
            if not ok:
                errors.append(f"{name}: port {port!r} is not bound to 127.0.0.1")
        for vol in svc.get("volumes") or []:
            source = vol.get("source") if isinstance(vol, dict) else str(vol).split(":", 1)[0]
            if source and not source.startswith((".", "/")) and source not in declared_volumes:
                errors.append(f"{name}: volume {source!r} is not declared")
        cmd = svc.get("command") or []
        if isinstance(cmd, list):
            errors.extend(rpc_errors(name, cmd))
            external = "--rpc-external" in cmd
            if "--validator" in cmd and (external or svc.get("ports")):
                errors.append(f"{name}: a validator must expose no RPC")
            if external and [m.lower() for m in flag_values(cmd, "--rpc-methods")] != ["safe"]:
                errors.append(f"{name}: --rpc-external needs --rpc-methods safe")
            for boot in flag_values(cmd, "--bootnodes"):
                parts = boot.split("/")
                # /dns/<host>/tcp/<port>/p2p/<peer id>
                if len(parts) < 7 or parts[1] not in ("dns", "dns4", "dns6") or parts[5] != "p2p":
                    errors.append(f"{name}: bootnode {boot!r} is not /dns/HOST/tcp/PORT/p2p/ID")
                    continue
                host, peer = parts[2], parts[6]
                if host not in services:
                    errors.append(f"{name}: bootnode host {host!r} is not a service")
                    continue
                key = node_keys.get(host)
                expected = KNOWN_PEER_IDS.get(key or "")
                if expected is None:
                    errors.append(f"{name}: bootnode {host!r} has no known fixed --node-key")
                elif peer != expected:
                    errors.append(f"{name}: bootnode peer id {peer} != {expected} of {host}")

    default = dockerfile_cmd(dockerfile)
    if default is None:
        errors.append(f"{dockerfile}: no exec-form CMD")
    else:
        errors.extend(rpc_errors(f"{dockerfile} CMD", default))
    errors.extend(dockerfile_build_errors(dockerfile))

    for e in errors:
        print(f"compose: {path}: {e}", file=sys.stderr)
    if errors:
        return 1
    print(f"compose: {path}: {len(services)} services ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docker/compose.yml"))
