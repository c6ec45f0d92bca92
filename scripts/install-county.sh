#!/usr/bin/env bash
# Installs Linkages for a county server where several workers sign in over SSH.
#
# Workers reach the county database only through the program: the database folder belongs to a
# dedicated `linkages` account that nobody signs in as, and the installed binary is set-user-id
# to it. A worker is known by their own (real) account; the sqlite3 shell, cp or cat run as the
# worker get "permission denied". See docs/deployment.md.
#
# Usage (as root, from the project folder):
#   scripts/install-county.sh [--admin ACCOUNT "Full Name"] [--prefix /usr/local]
set -euo pipefail

prefix=/usr/local
admin_account=""
admin_name=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --admin) admin_account="$2"; admin_name="$3"; shift 3 ;;
        --prefix) prefix="$2"; shift 2 ;;
        *) echo "install-county: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ $(id -u) -eq 0 ]] || { echo "install-county: run as root" >&2; exit 1; }

service=linkages
data=/var/lib/linkages
database=$data/linkages.sqlite

# 1. The account that owns the data: no password, no shell, no home but the data folder.
if ! id "$service" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$data" --no-create-home --shell /usr/sbin/nologin "$service"
fi

# 2. A release build with the Swift runtime linked in: a set-user-id program must not load
#    libraries from paths a worker could influence.
swift build -c release --static-swift-stdlib --product linkages
binary=$(swift build -c release --static-swift-stdlib --show-bin-path)/linkages

# 3. The data folder: only the service account may enter it.
install -d -o "$service" -g "$service" -m 0700 "$data" "$data/backups"

# 4. The county database, created by root with root as its first administrator, then handed
#    to the service account. An existing database is left as it is.
if [[ ! -e "$database" ]]; then
    (umask 077; "$binary" --db "$database" init --name "County administrator (root)" --role admin)
    if [[ -n "$admin_account" ]]; then
        "$binary" --db "$database" admin worker add --account "$admin_account" --name "$admin_name" \
            --program calworks --office County --role admin
    fi
fi
chown -R "$service:$service" "$data"
chmod 0600 "$database"*

# 5. The program, set-user-id to the service account.
install -o "$service" -g "$service" -m 4755 "$binary" "$prefix/bin/linkages"

echo "Installed $prefix/bin/linkages (set-user-id $service) for $database."
echo "Next: linkages admin worker add --account LOGIN --name \"Name\" --program calworks|cws --office OFFICE --role ROLE"
