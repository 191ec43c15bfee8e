#!/bin/sh
# Copy the pinned YASGUI build (web/package.json + package-lock.json) into the package's
# static folder, so the service needs no CDN at run time. Run after changing the version:
#     sh scripts/build_static.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/web"
npm ci --omit=dev --no-audit --no-fund
target="$root/src/ssgraph/web/static/yasgui"
mkdir -p "$target"
cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css "$target/"
version=$(node -p "require('./node_modules/@zazuko/yasgui/package.json').version")
cat > "$target/README.md" <<TEXT
# YASGUI (built files)

\`@zazuko/yasgui\` $version from npm (MIT licence), pinned in \`web/package.json\` and
\`web/package-lock.json\`; copied here by \`scripts/build_static.sh\`. Do not edit by hand.
TEXT
echo "YASGUI $version copied to $target"
