#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless with Debian's Jupyter (issue 12) and fails if a cell
# fails. Before that it refuses committed notebooks that carry outputs or execution counts: notebooks
# are committed clean (clear them with `jupyter-nbconvert --clear-output --inplace notebooks/*.ipynb`).
#
# Installs python3-pandas, python3-matplotlib, python3-ipykernel and jupyter-nbconvert from Debian when
# missing (apt-get as root, through sudo otherwise; no pip). Executed notebooks and their figures go to
# target/notebooks/; the incident notebook's main figure is target/notebooks/incident.png.
#
# Usage: bash build/run-notebooks.sh [NOTEBOOK.ipynb ...]   (default: every notebooks/*.ipynb)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/notebooks
packages=(python3-pandas python3-matplotlib python3-ipykernel jupyter-nbconvert)

if [ "$#" -gt 0 ]; then notebooks=("$@"); else notebooks=(notebooks/*.ipynb); fi

# 1. Committed notebooks must be clean. Plain Python (json only), so this runs before anything is installed.
check_clean() {
  local py
  py="$(command -v python3 || true)"
  [ -x /usr/bin/python3 ] && py=/usr/bin/python3
  if [ -z "$py" ]; then
    echo "run-notebooks: python3 is needed" >&2
    return 1
  fi
  "$py" - "$@" <<'EOF'
import json, sys
bad = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs") or cell.get("execution_count") is not None:
            bad.append(f"{path}: cell {i + 1} has outputs or an execution count")
if bad:
    print("\n".join(bad), file=sys.stderr)
    print("run-notebooks: commit notebooks without outputs "
          "(jupyter-nbconvert --clear-output --inplace notebooks/*.ipynb)", file=sys.stderr)
    sys.exit(1)
EOF
}
check_clean notebooks/*.ipynb

# 2. Debian's Jupyter, pandas and matplotlib.
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "run-notebooks: installing ${missing[*]} from Debian" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 3. Execute. Debian's python3 first on PATH, so that the kernel is the interpreter the packages are in
#    (not a pyenv or virtualenv python3). A failing cell makes nbconvert exit non-zero. Figures use
#    ipykernel's inline backend (headless; they are embedded in the executed notebooks).
export PATH="/usr/bin:$PATH"
export PYDEVD_DISABLE_FILE_VALIDATION=1 STORMGLASS_NOTEBOOK_OUT="$PWD/$out"
mkdir -p "$out"
rm -f "$out/incident.png"
for nb in "${notebooks[@]}"; do
  echo "run-notebooks: executing $nb" >&2
  start=$SECONDS
  jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.timeout=1200 \
    --ExecutePreprocessor.kernel_name=python3 --output-dir "$out" "$nb"
  echo "run-notebooks: $nb done in $((SECONDS - start)) s" >&2
done

# 4. The incident notebook's main figure.
case " ${notebooks[*]} " in
  *notebooks/incident.ipynb*)
    if [ ! -s "$out/incident.png" ]; then
      echo "run-notebooks: the incident notebook did not write $out/incident.png" >&2
      exit 1
    fi
    echo "run-notebooks: main figure $out/incident.png" >&2 ;;
esac
