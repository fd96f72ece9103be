#!/bin/sh
# Install Tillit Desk's menu entry, the .tillit MIME type and the icons for the current user
# (freedesktop: GNOME, KDE, Xfce …), so that a .tillit file opens by double-click.
#
#   sh packaging/linux/install-desktop.sh [PROGRAM]
#
# PROGRAM is what the menu entry runs; default: the bundle in dist/tillit-desk/ if it was built,
# else main.py through the checkout's .venv. Installs into $XDG_DATA_HOME (~/.local/share);
# never needs root. Uninstall: the same script with --uninstall.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/tillit-desk.desktop" "$data/mime/packages/tillit-desk.xml"
  for size in 16 24 32 48 64 128 256; do
    rm -f "$data/icons/hicolor/${size}x${size}/apps/tillit-desk.png" \
          "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-tillit-desk.png"
  done
  rm -f "$data/icons/hicolor/scalable/apps/tillit-desk.svg"
  echo "Tillit Desk är borttaget från menyn ($data)."
else
  # Exec= quotes a path with spaces; TryExec= is the bare path (the entry hides if it is gone).
  quote() { case "$1" in *[[:space:]]*) printf '"%s"' "$1" ;; *) printf '%s' "$1" ;; esac; }
  if [ $# -ge 1 ]; then
    exec_line=$(quote "$1"); tryexec=$1
  elif [ -x "$root/dist/tillit-desk/tillit-desk" ]; then
    exec_line=$(quote "$root/dist/tillit-desk/tillit-desk"); tryexec="$root/dist/tillit-desk/tillit-desk"
  else
    exec_line="$(quote "$root/.venv/bin/python") $(quote "$root/main.py")"; tryexec="$root/.venv/bin/python"
  fi

  mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
  sed -e "s|^Exec=@EXEC@|Exec=$exec_line|" -e "s|^TryExec=@EXEC@|TryExec=$tryexec|" \
    "$here/tillit-desk.desktop" > "$data/applications/tillit-desk.desktop"
  cp "$here/tillit-desk-mime.xml" "$data/mime/packages/tillit-desk.xml"
  for size in 16 24 32 48 64 128 256; do
    for kind in apps mimetypes; do
      mkdir -p "$data/icons/hicolor/${size}x${size}/$kind"
    done
    cp "$root/resources/icons/tillit-desk-$size.png" "$data/icons/hicolor/${size}x${size}/apps/tillit-desk.png"
    cp "$root/resources/icons/tillit-desk-$size.png" \
       "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-tillit-desk.png"
  done
  cp "$root/resources/icons/tillit-desk.svg" "$data/icons/hicolor/scalable/apps/tillit-desk.svg"
  echo "Tillit Desk finns nu i programmenyn och öppnar .tillit-filer ($data)."
fi

# Refresh the caches when the tools are there; the files work without them after a new login.
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" >/dev/null 2>&1 || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
exit 0
