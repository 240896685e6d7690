#!/usr/bin/env bash
# Installs the mnemo command into DIR (default ~/.mnemo/bin) for this machine's runtime: a Native AOT build when clang
# is installed (the native link needs it), else a ReadyToRun build on the shared .NET runtime, saying so.
# Usage: ./install.sh [DIR]        Needs the .NET 10 SDK; Native AOT also needs clang (Debian: apt-get install -y clang).
set -euo pipefail

dest="${1:-$HOME/.mnemo/bin}"
[[ "$dest" = /* ]] || dest="$PWD/$dest"
cd "$(dirname "${BASH_SOURCE[0]}")"

if command -v clang >/dev/null; then
  # PublishAot is on for every `dotnet publish` of the CLI (src/Mnemo.Cli/Mnemo.Cli.csproj).
  dotnet publish src/Mnemo.Cli -c Release -o "$dest"
  echo "installed mnemo (Native AOT) in $dest"
else
  echo "clang is not installed, so Native AOT cannot link: installing a ReadyToRun build instead, which starts slower." >&2
  echo "For the Native AOT build: apt-get install -y clang (Debian, as root), then run ./install.sh again." >&2
  dotnet publish src/Mnemo.Cli -c Release -o "$dest" -p:PublishAot=false -p:PublishReadyToRun=true
  echo "installed mnemo (ReadyToRun, runs on the shared .NET runtime) in $dest"
fi
