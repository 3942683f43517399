#!/usr/bin/env bash
# Runs jiaodui as a pre-commit hook in a throwaway repository: a commit with 实事求事 must be
# refused with the correction shown, the corrected commit must go through.
# Usage: Tests/Integration/pre-commit.sh PATH/TO/jiaodui     (needs git and pre-commit; offline)
set -uo pipefail

fail() { echo "FAIL pre-commit: $*"; exit 1; }

[ $# -eq 1 ] || { echo "usage: $0 PATH/TO/jiaodui" >&2; exit 2; }
[ -x "$1" ] || fail "no executable at $1"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
command -v pre-commit >/dev/null || fail "pre-commit is not installed (pip install pre-commit)"
command -v git >/dev/null || fail "git is not installed"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Keep the user's git configuration and pre-commit cache out of it.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_HOME="$work/cache"

repo="$work/repo"
mkdir "$repo" && cd "$repo" || fail "cannot create $repo"
git init -q . && git config user.name "Jiaodui Test" && git config user.email "test@example.invalid" \
    || fail "git init"

cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - id: jiaodui
        name: jiaodui
        entry: '"$binary" check'
        language: system
        files: \.(md|txt|docx)$
YAML
pre-commit install >/dev/null || fail "pre-commit install"
git add .pre-commit-config.yaml && git commit -q -m "Add pre-commit configuration" >/dev/null 2>&1 \
    || fail "first commit (configuration only) was refused"
base="$(git rev-parse HEAD)"

echo "坚持实事求事的原则。" > notice.md
git add notice.md
output="$(git commit -m "Add notice" 2>&1)" && { echo "$output"; fail "commit with 实事求事 was accepted"; }
[ "$(git rev-parse HEAD)" = "$base" ] || fail "a commit was made although the hook failed"
grep -q "实事求是" <<<"$output" || { echo "$output"; fail "hook output does not suggest 实事求是"; }
grep -q "notice.md" <<<"$output" || { echo "$output"; fail "hook output does not name notice.md"; }

echo "坚持实事求是的原则。" > notice.md
git add notice.md
output="$(git commit -m "Add notice" 2>&1)" || { echo "$output"; fail "commit of the corrected file was refused"; }
[ "$(git log -1 --format=%s)" = "Add notice" ] || fail "corrected commit not recorded"

echo "PASS pre-commit: 实事求事 refused with 实事求是 suggested, corrected file committed"
