#!/usr/bin/env bash
# End-to-end test of the full-screen UI, driven through tmux as a learner would use it:
# first run in Japanese -> welcome -> catalog -> open assume-role-basics -> shell -> type the first
# step's command -> the check passes on screen -> back to the lesson screen (Ctrl-]) -> quit, and
# the terminal is back in its normal (cooked) mode. Assertions are on `tmux capture-pane -p` text.
#
# Skips (exit 0, with the reason) when tmux is missing; the lesson's commands run on the built-in aws. Exit 1 on any failed
# assertion, with the last screen printed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"

if ! command -v tmux >/dev/null 2>&1; then
  echo "SKIP tui-tmux: tmux is not installed (apt-get install -y tmux)"
  exit 0
fi

sock="kata-e2e-$$"
home="$(mktemp -d)"
out="$(mktemp)"
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -rf "$home" "$out"
}
trap cleanup EXIT

t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t e2e; }

# wait_for TEXT SECONDS: polls the screen until TEXT appears.
wait_for() {
  local text="$1" limit="${2:-20}" waited=0
  while ! screen | grep -qF -- "$text"; do
    sleep 0.25
    waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 4)) ]; then
      echo "FAIL tui-tmux: waited ${limit}s for: $text"
      echo "----- screen -----"
      screen
      echo "------------------"
      exit 1
    fi
  done
  echo "ok   $text"
}

# Build first (outside the timed waits), then start the UI in an 100x30 pane, in Japanese.
"$here/kata" --version >/dev/null
t -u new-session -d -s e2e -x 100 -y 30 \
  "env IAM_KATA_HOME='$home' LANG=ja_JP.UTF-8 LC_ALL= TERM=xterm-256color '$here/kata'; \
   echo \"KATA-EXIT \$?\"; stty -a > '$out'; sleep 600"

wait_for "iam-kata へようこそ" 30
wait_for "本物の AWS アカウントには一切触れず"
wait_for "▶ 日本語"
t send-keys -t e2e Enter
wait_for "レベル 1 · 入門 — 記事から"
wait_for "AssumeRole"
grep -q '"lang" : "ja"' "$home/settings.json" || { echo "FAIL tui-tmux: language not remembered"; exit 1; }
echo "ok   settings.json remembers ja"

t send-keys -t e2e Enter
wait_for "ステップ 1 · dev-user ではバケットを一覧できない" 60
wait_for "まだコマンドを実行していません"
t send-keys -t e2e s
wait_for "assume-role-basics:~\$" 20
wait_for "ステップ 1/10 · プロファイル default"
t send-keys -t e2e "aws s3 ls --profile dev-user" Enter
wait_for "An error occurred (AccessDenied)" 30
wait_for "✓ 合格: learner-ran: aws s3 ls --profile dev-user → AccessDenied"
wait_for "✓ ステップ合格！"
t send-keys -t e2e C-]
wait_for "ステップ合格！ n で次のステップへ。"
wait_for "✓ 1 dev-user"
t send-keys -t e2e q
wait_for "KATA-EXIT 0"
sleep 0.5
if ! grep -q ' icanon' "$out" || ! grep -q ' echo ' "$out"; then
  echo "FAIL tui-tmux: the terminal was left in raw mode:"
  cat "$out"
  exit 1
fi
echo "ok   terminal restored (icanon echo)"
echo "PASS tui-tmux"
