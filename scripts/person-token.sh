#!/usr/bin/env bash
# Prints an access token for a PERSON of the demo hub, through the real authorization code + PKCE flow:
# it opens /connect/authorize for the public client demo-portal, signs in on the login page with the given
# user name and password (what a browser would do), catches the code on the redirect and exchanges it with
# the PKCE verifier. For the README walkthrough against `dotnet run --project src/Hub -- --demo`.
#   usage: scripts/person-token.sh USER PASSWORD "SCOPES" [HUB_URL]
#   e.g.   PO=$(scripts/person-token.sh po.zvh demo-password-po "review audit")
set -euo pipefail
user=$1; password=$2; scope=$3; hub=${4:-http://localhost:5080}
client=demo-portal; redirect=http://127.0.0.1:5081/callback
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
verifier=$(head -c 32 /dev/urandom | b64url)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)
enc() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
authorize="$hub/connect/authorize?client_id=$client&response_type=code&redirect_uri=$(enc "$redirect")&scope=$(enc "$scope")&code_challenge=$challenge&code_challenge_method=S256&state=walkthrough"
# The authorize endpoint sends an anonymous browser to the login page; keep its cookies and hidden fields.
page=$(curl -sL -c "$jar" -b "$jar" "$authorize")
field() { printf '%s' "$page" | grep -o "name=\"$1\" value=\"[^\"]*\"" | head -n1 | sed 's/.*value="\([^"]*\)"/\1/' |
  python3 -c 'import html,sys; print(html.unescape(sys.stdin.read()), end="")'; }
antiforgery=$(field __RequestVerificationToken); returnUrl=$(field returnUrl)
# Sign in; follow redirects inside the hub until it redirects to the (unserved) loopback callback with ?code=.
location=$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{redirect_url}' "$hub/account/login" \
  --data-urlencode "__RequestVerificationToken=$antiforgery" --data-urlencode "returnUrl=$returnUrl" \
  --data-urlencode "username=$user" --data-urlencode "password=$password")
while [ -n "$location" ] && [ "${location#"$redirect"}" = "$location" ]; do
  location=$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{redirect_url}' "$location")
done
code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$code" ] || { echo "sign-in failed for $user (wrong password?)" >&2; exit 1; }
curl -s "$hub/connect/token" -d grant_type=authorization_code -d client_id=$client --data-urlencode "redirect_uri=$redirect" \
  --data-urlencode "code=$code" -d code_verifier="$verifier" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
