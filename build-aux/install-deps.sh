#!/usr/bin/env bash
# Installs what building, running and testing Media Tour Planner needs on a
# fresh Debian 12 machine (as root). Safe to run again: it installs only
# what is missing.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  # build
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libical-dev
  libsoup-3.0-dev libsecret-1-dev libcairo2-dev libpango1.0-dev libqrencode-dev
  # TLS for https servers (libsoup recommends it; installs here leave recommends out)
  glib-networking
  # data validation
  desktop-file-utils appstream libxml2-utils shared-mime-info flatpak-builder
  # running under a virtual display, fonts and icons
  xvfb xauth dbus dbus-x11 x11-utils xdotool imagemagick
  adwaita-icon-theme fonts-cantarell fonts-noto-cjk libgtk-4-bin
  # the zh_CN screenshot needs the locale itself
  locales
  # independent checks of what we export
  poppler-utils python3 python3-icalendar
  # benchmarks
  gnome-text-editor hyperfine time
  # sync tests: real WebDAV servers and a private Secret Service
  # (tests/sync/servers)
  apache2 lighttpd lighttpd-mod-webdav nginx-light libnginx-mod-http-dav-ext
  gnome-keyring libsecret-tools curl openssl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

# Node.js and npm may come from elsewhere than Debian's packages; take
# Debian's only where there is none.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"

  # Where nothing stops it (no policy-rc.d), installing a web server starts
  # its system service on port 80. The sync tests run their own servers on
  # ports of their own; stop a system one that this run just installed.
  for svc in apache2:/run/apache2/apache2.pid nginx-light:/run/nginx.pid lighttpd:/run/lighttpd.pid; do
    pkg=${svc%%:*}
    pidfile=${svc#*:}
    [[ " ${missing[*]} " == *" $pkg "* ]] || continue
    if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "Stopping the $pkg service that installing it started"
      kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
    fi
  done
fi

# The GUI tests take screenshots in Simplified Chinese, and print a Chinese
# itinerary from an English session: generate the zh_CN.UTF-8 and
# en_US.UTF-8 locales unless they are there already.
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8' || ! locale -a 2>/dev/null | grep -qix 'en_US.utf8'; then
  sed -i -e 's/^# *zh_CN.UTF-8/zh_CN.UTF-8/' -e 's/^# *en_US.UTF-8/en_US.UTF-8/' /etc/locale.gen
  locale-gen
fi

# The iCalendar parsers the export tests read our files back with
if [ -f "$here/tests/formats/package.json" ] && [ ! -d "$here/tests/formats/node_modules" ]; then
  (cd "$here/tests/formats" && npm ci --no-audit --no-fund --loglevel=error)
fi
