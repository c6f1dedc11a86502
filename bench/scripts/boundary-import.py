#!/usr/bin/env python3
"""Bench of the bulk grid boundary import (issue 20): 15,000 grids under one new town.

Against a running server (demo profile), signed in as a system admin, it creates a district and a
town in the empty south margin of the demo city, writes a GeoJSON FeatureCollection of 25 communities
of 600 small squares each (15,025 features, communities after their grids so that the parents-in-file
ordering is exercised), uploads it as a dry run and then as a commit, polls each job to the end and
prints the wall-clock times, and finally asks `locate` for a point of the last grid.

    python3 bench/scripts/boundary-import.py --url http://127.0.0.1:8080 --user admin --password '...'

Uses the standard library only. Asserts nothing about time (DESIGN §7); it prints the figures.
"""
import argparse, http.cookiejar, json, random, sys, time, urllib.error, urllib.parse, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--url", default="http://127.0.0.1:8080")
p.add_argument("--user", default="admin")
p.add_argument("--password", required=True)
p.add_argument("--new-password", default=None, help="change the initial password to this first (a fresh demo)")
p.add_argument("--communities", type=int, default=25)
p.add_argument("--grids-per-community", type=int, default=600)
p.add_argument("--margin", choices=["south", "north"], default="south",
               help="which empty margin of the demo city to use (a second run on the same data: north)")
p.add_argument("--district", default=None, help="district code to create (default: 3205 + two random digits 80-89)")
a = p.parse_args()

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def xsrf():
    return next((c.value for c in jar if c.name == "XSRF-TOKEN"), "")


def call(method, path, body=None, headers=None):
    if not xsrf():
        opener.open(a.url + "/api/v1/config/public").read()
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    h = {"X-XSRF-TOKEN": xsrf()}
    if body is not None and not isinstance(body, bytes):
        h["Content-Type"] = "application/json"
    h.update(headers or {})
    req = urllib.request.Request(a.url + path, data=data, method=method, headers=h)
    try:
        with opener.open(req, timeout=600) as r:
            text = r.read().decode()
            return r.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def square(w, s, e, n):
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


status, body = call("POST", "/api/v1/auth/login", {"username": a.user, "password": a.password})
assert status == 200, (status, body)
if a.new_password:
    status, body = call("POST", "/api/v1/auth/password", {"oldPassword": a.password, "newPassword": a.new_password})
    assert status in (200, 204), (status, body)
status, city = call("GET", "/api/v1/regions/tree?deepest=CITY")
city_id = city[0]["id"]

# an empty margin of the demo city (south: lat 31.247-31.282; north: 31.320-31.357), clear of the demo district
W, S, E, N = (120.53, 31.248, 120.69, 31.281) if a.margin == "south" else (120.53, 31.321, 120.69, 31.356)
district = a.district or "3205%02d" % random.randint(80, 89)
status, d = call("POST", "/api/v1/regions", {"parentId": city_id, "level": "DISTRICT", "code": district,
                                             "name": "基准区" + district, "boundary": square(W, S, E, N)})
assert status == 201, (status, d)
town_code = district + "001"
status, town = call("POST", "/api/v1/regions", {"parentId": d["id"], "level": "TOWN", "code": town_code,
                                                "name": "基准街道", "boundary": square(W, S, E, N)})
assert status == 201, (status, town)

features, grids = [], []
cols = 5
cw, ch = (E - W) / cols, (N - S) / ((a.communities + cols - 1) // cols)
gcols = 30
grows = (a.grids_per_community + gcols - 1) // gcols
for c in range(a.communities):
    cwest, csouth = W + (c % cols) * cw, S + (c // cols) * ch
    ccode = town_code + "%03d" % (c + 1)
    for g in range(a.grids_per_community):
        gw = cwest + (g % gcols) * cw / gcols
        gs = csouth + (g // gcols) * ch / grows
        shape = square(round(gw, 9), round(gs, 9), round(gw + cw / gcols, 9), round(gs + ch / grows, 9))
        grids.append(shape)
        features.append({"type": "Feature", "geometry": shape, "properties": {
            "DM": ccode + "%03d" % (g + 1), "MC": "基准网格%d-%d" % (c + 1, g + 1), "SJDM": ccode}})
    features.append({"type": "Feature", "geometry": square(cwest, csouth, cwest + cw, csouth + ch),
                     "properties": {"DM": ccode, "MC": "基准社区%d" % (c + 1), "SJDM": town_code}})
content = json.dumps({"type": "FeatureCollection", "features": features}).encode()
print("file: %d features (%d grids), %.1f MB" % (len(features), len(grids), len(content) / 1e6))


def run(dry):
    boundary = "----bench%d" % time.time_ns()
    part = (("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"grids.geojson\"\r\n"
             "Content-Type: application/geo+json\r\n\r\n") % boundary).encode() + content + \
        ("\r\n--%s--\r\n" % boundary).encode()
    q = urllib.parse.urlencode({"dryRun": str(dry).lower(), "codeField": "DM", "nameField": "MC",
                                "parentCodeField": "SJDM", "crs": "CGCS2000", "regionId": town["id"]})
    started = time.time()
    status, job = call("POST", "/api/v1/regions/imports?" + q, part,
                       {"Content-Type": "multipart/form-data; boundary=" + boundary})
    assert status == 202, (status, job)
    while True:
        status, report = call("GET", "/api/v1/regions/imports/%d" % job["id"])
        if report["status"] != "RUNNING":
            break
        time.sleep(0.5)
    took = time.time() - started
    print("%-8s %s in %.1f s: total=%d valid=%d errors=%d committed=%d" % (
        "dry run" if dry else "commit", report["status"], took, report["total"], report["valid"],
        report["errorCount"], report["committed"]))
    return took, report


run(True)
took, report = run(False)
last = grids[-1]["coordinates"][0]
lon, lat = (last[0][0] + last[2][0]) / 2, (last[0][1] + last[2][1]) / 2
status, found = call("GET", "/api/v1/regions/locate?lon=%f&lat=%f" % (lon, lat))
print("locate(%f, %f) -> %s %s" % (lon, lat, status, found.get("code") if isinstance(found, dict) else found))
sys.exit(0 if report["status"] == "DONE" and report["committed"] == len(features) and took <= 60 else 1)
