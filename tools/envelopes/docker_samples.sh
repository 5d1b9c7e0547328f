#!/usr/bin/env bash
# Real docker json-file and docker-compose logs, from the real dockerd (Debian's docker.io,
# started here without networking: --bridge=none, vfs storage) and docker-compose (Debian's
# 1.29). No image registry is reachable, so the containers run an empty imported image with
# the host's /usr, /lib, /bin and /etc mounted read-only, and tools/envelopes/ as /app.
# Sourced by make_samples.sh (uses OUT, WORK, TOOLS, ROOT, started_pids): ``docker_start``
# returns 1 when dockerd does not start, then ``docker_samples`` writes the samples.

docker_start() {
    local sock="$WORK/docker.sock"
    dockerd --data-root "$WORK/docker" --exec-root "$WORK/dx" -H "unix://$sock" \
        --pidfile "$WORK/dockerd.pid" --iptables=false --ip6tables=false --bridge=none \
        --storage-driver=vfs > "$WORK/dockerd.log" 2>&1 & started_pids+=($!)
    export DOCKER_HOST="unix://$sock"
    for _ in $(seq 100); do docker version > /dev/null 2>&1 && break; sleep 0.1; done
    docker version > /dev/null 2>&1
}

docker_samples() {
    tar cf "$WORK/empty.tar" --files-from /dev/null
    docker import "$WORK/empty.tar" envelopes-empty:1 > /dev/null
    local mounts=(-v /usr:/usr:ro -v /lib:/lib:ro -v /lib64:/lib64:ro -v /bin:/bin:ro
                  -v /etc:/etc:ro -v "$TOOLS:/app:ro" -v "$ROOT/tools/events:/events:ro"
                  --tmpfs /tmp --network none)

    # stdout (a 20 KiB record: docker splits it at 16 KiB) and stderr of one container at once
    local cid
    cid=$(docker run -d "${mounts[@]}" envelopes-empty:1 /bin/sh -c \
        'python3 /app/app.py --long --slow & python3 /app/app.py --stderr --slow; wait')
    docker wait "$cid" > /dev/null
    cp "$WORK/docker/containers/$cid/$cid-json.log" "$OUT/docker-real.log"
    docker logs "$cid" > "$OUT/docker-real.stdout" 2> "$OUT/docker-real.stderr"

    # a container with a terminal (-t): its lines end in CRLF
    cid=$(docker run -d -t "${mounts[@]}" envelopes-empty:1 python3 /app/app.py)
    docker wait "$cid" > /dev/null
    cp "$WORK/docker/containers/$cid/$cid-json.log" "$OUT/docker-tty.log"

    # docker-compose: a Python service and a JVM service running at the same time
    cat > "$WORK/docker-compose.yml" <<YAML
version: "2.4"
services:
  api:
    image: envelopes-empty:1
    network_mode: none
    tmpfs: [/tmp]
    volumes: [/usr:/usr:ro, /lib:/lib:ro, /lib64:/lib64:ro, /bin:/bin:ro, /etc:/etc:ro, "$TOOLS:/app:ro"]
    command: [python3, /app/app.py, --slow]
  worker:
    image: envelopes-empty:1
    network_mode: none
    tmpfs: [/tmp]
    volumes: [/usr:/usr:ro, /lib:/lib:ro, /lib64:/lib64:ro, /bin:/bin:ro, /etc:/etc:ro, "$ROOT/tools/events:/events:ro"]
    working_dir: /events
    command: [java, Trace.java]
YAML
    local compose=(docker-compose -p envelopes -f "$WORK/docker-compose.yml")
    "${compose[@]}" up --no-color > "$OUT/compose-real.log" 2> "$WORK/compose-up.err"
    # with colours, as on a terminal (script gives it one; a terminal ends lines in CRLF)
    script -qec "${compose[*]} logs" /dev/null > "$OUT/compose-real-colour.log"
    for service in api worker; do
        docker logs "envelopes_${service}_1" > "$OUT/compose-real.$service" 2>&1
    done
    "${compose[@]}" down > /dev/null 2>&1
}
