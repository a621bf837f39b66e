#!/usr/bin/env bash
# Runs `npm run bench` at another commit and then here, one after the other on this machine,
# so a change's cost to the engine is a comparison of figures measured minutes apart:
#   npm run bench:against -- f676621      (the core before the data tier)
set -euo pipefail
commit=${1:?usage: npm run bench:against -- <commit>}
here=$(git rev-parse --show-toplevel)
there=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$there" >/dev/null 2>&1 || true' EXIT
git -C "$here" worktree add -q --detach "$there" "$commit"
ln -s "$here/node_modules" "$there/node_modules"
echo "== at $(git -C "$there" log -1 --format='%h %s' | cut -c1-100)"
(cd "$there" && npx tsx --expose-gc --max-inlined-bytecode-size-cumulative=1840 bench/engine.bench.ts)
echo
echo "== here: $(git -C "$here" log -1 --format='%h %s' | cut -c1-100)"
(cd "$here" && npx tsx --expose-gc --max-inlined-bytecode-size-cumulative=1840 bench/engine.bench.ts)
