# Drives a running release through a day's loop so the upgrade fixture holds real rows.
import json, sys, urllib.request, http.cookiejar, base64, uuid
BASE = sys.argv[1]
NEWPW = "Wave1-Fixture#2026"
class S:
    def __init__(s):
        s.jar = http.cookiejar.CookieJar()
        s.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(s.jar))
    def xsrf(s):
        for c in s.jar:
            if c.name == "XSRF-TOKEN": return c.value
        return None
    def req(s, method, path, body=None, headers=None, raw=None, ctype="application/json"):
        h = {"Accept": "application/json"}
        if headers: h.update(headers)
        data = None
        if raw is not None: data = raw; h["Content-Type"] = ctype
        elif body is not None: data = json.dumps(body).encode(); h["Content-Type"] = "application/json"
        t = s.xsrf()
        if t: h["X-XSRF-TOKEN"] = t
        r = urllib.request.Request(BASE + path, data=data, method=method, headers=h)
        try:
            with s.op.open(r) as resp:
                txt = resp.read().decode() or "null"
                return resp.status, json.loads(txt) if txt.strip().startswith(("{","[","n")) else txt
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()
def login(user):
    s = S()
    s.req("GET", "/api/v1/auth/me")
    st, b = s.req("POST", "/api/v1/auth/login", {"username": user, "password": NEWPW})
    if st != 200:
        st, b = s.req("POST", "/api/v1/auth/login", {"username": user, "password": "GovGrid@2026"})
        assert st == 200, (user, st, b)
        st, b = s.req("POST", "/api/v1/auth/password", {"oldPassword": "GovGrid@2026", "newPassword": NEWPW})
        assert st == 204, (user, st, b)
    return s
w1 = login("worker1"); cg = login("dept_cg"); leader = login("leader"); center = login("center")
st, me = w1.req("GET", "/api/v1/auth/me"); print("worker1", me["scope"])
st, grid = w1.req("GET", "/api/v1/regions/%d" % me["scope"]["regionId"]) 
lon, lat = grid.get("centerLon") or grid.get("center",{}).get("lon"), grid.get("centerLat") or grid.get("center",{}).get("lat")
print("grid", st, lon, lat)
jpg = base64.b64decode("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=")
def upload(s):
    bnd = "----fx" + uuid.uuid4().hex
    body = (f"--{bnd}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").encode() + jpg + f"\r\n--{bnd}--\r\n".encode()
    st, b = s.req("POST", "/api/v1/files", raw=body, ctype="multipart/form-data; boundary=" + bnd)
    print("upload", st, str(b)[:120]); return b["id"] if st in (200,201) else None
ids = []
for i, (cat, text) in enumerate([("CSGL-01", "金山路88号门口乱堆放建筑垃圾"), ("CSGL-01", "狮山路人行道占道经营"), ("AQSC-01", "小区楼道堆放电动车电池充电")]):
    f = upload(w1)
    st, ev = w1.req("POST", "/api/v1/events", {"categoryCode": cat, "description": text, "lon": lon, "lat": lat, "address": "狮山社区 %d 号" % (i+1), "source": "GRID_WORKER", "fileIds": [f] if f else []}, headers={"Idempotency-Key": str(uuid.uuid4())})
    print("report", st, str(ev)[:200]); 
    if st in (200, 201): ids.append(ev["id"])
def act(s, eid, action, body=None):
    st, d = s.req("GET", "/api/v1/events/%d" % eid)
    b = dict(body or {}); b["version"] = d["version"]
    st, r = s.req("POST", "/api/v1/events/%d/%s" % (eid, action), b); print(action, eid, st, str(r)[:160]); return st
e = ids[0]
act(cg, e, "sign"); act(cg, e, "resolve", {"comment": "已清理"}); act(w1, e, "verify", {"passed": True}); act(leader, e, "evaluate", {"score": 5, "comment": "处理及时"})
if len(ids) > 1: act(leader, ids[1], "supervise", {"comment": "请尽快处理"})
st, b = center.req("GET", "/api/v1/dispatch/board"); print("board", st, str(b)[:100])
