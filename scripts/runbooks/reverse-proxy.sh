#!/usr/bin/env bash
# Runbook "Reverse proxy with TLS" (docs/deploy.md section 5), end to end: a self-signed certificate, nginx with the
# documented server block (TLS 1.2/1.3, X-Forwarded-* headers, /metrics restricted), the server on loopback with
# --trust-proxy 127.0.0.1. Checks: /readyz through TLS; HTTP redirects to HTTPS; the server sees the original
# scheme and host (a CDS Hooks JWT whose audience is the https:// URL is accepted through the proxy and refused when
# sent to the server directly); the server keys clients by the address nginx forwarded, not the proxy's (two local
# addresses, a small rate limit); a client cannot spoof X-Forwarded-For; /metrics refused outside the allowed network.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
work=$(mktemp -d /tmp/fg-runbook-proxy.XXXXXX)
cleanup() { [[ -n "${nginx_pid:-}" ]] && kill "$nginx_pid" 2>/dev/null; [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [[ ! -x "$NGINX" ]]; then bad "nginx is installed (Debian package nginx-light)"; echo "runbook reverse-proxy: $passed passed, $failed failed"; exit 1; fi

app=$(free_port); tls=$(free_port); plain=$(free_port); host=fusionguide.test
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$host" \
  -addext "subjectAltName=DNS:$host" -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
check "a self-signed certificate for $host" test -s "$work/fullchain.pem"
# nginx before 1.25.1 has no "http2 on;": the same thing is "listen … ssl http2".
if "$NGINX" -V 2>&1 | grep -qE 'nginx/1\.(2[5-9]|[3-9][0-9])'; then h2="http2 on;"; listen="listen 127.0.0.1:$tls ssl;"; else h2=""; listen="listen 127.0.0.1:$tls ssl http2;"; fi
mkdir -p "$work/nginx/logs"
cat > "$work/nginx.conf" <<NGINX
daemon off; worker_processes 1; pid $work/nginx.pid; error_log $work/nginx/error.log;
events { worker_connections 64; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    $listen
    $h2
    server_name $host;
    ssl_certificate     $work/fullchain.pem;
    ssl_certificate_key $work/privkey.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    add_header Strict-Transport-Security "max-age=31536000" always;
    client_max_body_size 2m;
    location = /metrics { allow 10.20.0.0/16; deny all; proxy_pass http://127.0.0.1:$app; }
    location / {
      proxy_pass http://127.0.0.1:$app;
      proxy_set_header Host              \$host;
      proxy_set_header X-Forwarded-For   \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host  \$host:$tls;
      proxy_read_timeout 30s;
    }
  }
  server { listen 127.0.0.1:$plain; server_name $host; return 301 https://\$host:$tls\$request_uri; }
}
NGINX
check "nginx -t accepts the configuration" "$NGINX" -t -q -c "$work/nginx.conf" -p "$work/nginx"
"$NGINX" -c "$work/nginx.conf" -p "$work/nginx" & nginx_pid=$!

head -c 48 /dev/urandom | base64 | tr -d '\n' > "$work/jwt-secret"
$(server_bin) serve --urls "http://127.0.0.1:$app" --db "$work/audit.db" --trust-proxy 127.0.0.1 --cds-jwt-key "$work/jwt-secret" \
  --FusionGuide:RateLimit:PermitsPerSecond=1 --FusionGuide:RateLimit:Burst=2 > "$work/server.log" 2>&1 & server_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$app/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
tcurl() { curl -s --cacert "$work/fullchain.pem" --resolve "$host:$tls:127.0.0.1" "$@"; }
check "GET https://$host/readyz through nginx is 200" bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code}' --cacert '$work/fullchain.pem' --resolve '$host:$tls:127.0.0.1' https://$host:$tls/readyz) == 200 ]]"
check "the answer carries Strict-Transport-Security" bash -c "curl -sI --cacert '$work/fullchain.pem' --resolve '$host:$tls:127.0.0.1' https://$host:$tls/readyz | grep -qi '^strict-transport-security'"
check "plain HTTP is redirected to https://" bash -c "curl -sI -H 'Host: $host' http://127.0.0.1:$plain/readyz | grep -qi '^location: https://$host:$tls/readyz'"

# The scheme and host the server believes: a CDS Hooks JWT names the URL the EHR called (https://host/…).
token() { python3 - "$1" "$work/jwt-secret" <<'PY'
import base64, hashlib, hmac, json, sys, time, uuid
b = lambda d: base64.urlsafe_b64encode(d).rstrip(b"=").decode()
now = int(time.time())
head = b(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
body = b(json.dumps({"iss": "https://ehr.test", "sub": "client-1", "aud": sys.argv[1], "iat": now, "exp": now + 300, "jti": str(uuid.uuid4())}).encode())
key = open(sys.argv[2]).read().strip().encode()
print(f"{head}.{body}." + b(hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest()))
PY
}
aud="https://$host:$tls/cds-services"
code=$(tcurl -o "$work/through.json" -w '%{http_code}' -H "Authorization: Bearer $(token "$aud")" "$aud")
check "through the proxy a CDS Hooks token for $aud is accepted: $code, services listed" \
  bash -c "[[ $code == 200 ]] && python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))[\"services\"] else 1)' '$work/through.json'"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(token "$aud")" "http://127.0.0.1:$app/cds-services")
check "sent to the server directly (http://127.0.0.1) the same token is refused: 401 ($code)" test "$code" = 401
check "the server's request log names the original URL https://$host:$tls/…" grep -q "Request finished HTTP/1.0 GET https://$host:$tls/readyz" "$work/server.log"

# The client the server believes: the address nginx forwarded. Client 127.0.0.2 uses up its burst (2) and gets 429;
# client 127.0.0.3 is still served; a spoofed X-Forwarded-For from a client changes nothing (nginx appends the real one).
u="https://$host:$tls/version"
c2=$(tcurl --interface 127.0.0.2 -H 'X-Forwarded-For: 198.51.100.9' -w '%{http_code}\n' -o /dev/null -o /dev/null -o /dev/null -o /dev/null -o /dev/null -o /dev/null "$u" "$u" "$u" "$u" "$u" "$u" | tail -1)
check "client 127.0.0.2 (claiming to be 198.51.100.9) is limited after its burst: $c2" test "$c2" = 429
c3=$(tcurl --interface 127.0.0.3 -o /dev/null -w '%{http_code}' "https://$host:$tls/version")
check "client 127.0.0.3 through the same proxy is served: $c3" test "$c3" = 200
check "/metrics through the proxy is refused outside the monitoring network (403)" bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code}' --cacert '$work/fullchain.pem' --resolve '$host:$tls:127.0.0.1' https://$host:$tls/metrics) == 403 ]]"
if [[ $failed -gt 0 ]]; then echo "--- server log"; tail -20 "$work/server.log"; echo "--- nginx"; tail -5 "$work/nginx/error.log"; fi
echo "runbook reverse-proxy: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
