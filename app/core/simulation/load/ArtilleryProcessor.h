#pragma once

#include <string_view>

namespace studio {

// load-plan.js, the processor of an Artillery export (ArtilleryExport): which user each
// virtual user is, when each of its requests is due on the run's clock, and its body, all
// read from plan.json. The body goes as a Buffer so that Artillery does not template it.
inline constexpr std::string_view kArtilleryProcessor =
    R"js(// Written by plugin-studio load --export-artillery (see README.md). Makes Artillery send
// what `plugin-studio load` sends: virtual user n is the plan's user n, each request goes
// when it is due on the run's clock, with the plan's body for that user.
'use strict';

const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');

const plan = JSON.parse(fs.readFileSync(path.join(__dirname, 'plan.json'), 'utf8'));

let nextUser = 0;
let originNs = null; // the run's clock: it starts when the first user arrives, plus leadNs

function nowNs() {
  return process.hrtime.bigint();
}

// Request `index` of round `round`, on the run's clock: as plugin-studio's LoadSchedule.
function markDue(vars) {
  const dueNs = plan.users[vars.user].startNs + vars.round * plan.roundNs +
    plan.offsetsNs[vars.index];
  vars.dueNs = dueNs;
  // Without a duration each user plays once; with one, nothing is due after it.
  vars.due = (plan.endNs === null ? vars.round === 0 : dueNs < plan.endNs) ? 1 : 0;
}

function becomeNextUser(context, events, done) {
  if (originNs === null)
    originNs = nowNs() + BigInt(plan.leadNs);
  const vars = context.vars;
  vars.user = nextUser++;
  if (vars.user >= plan.users.length) {
    // Artillery's arrivals, rounded to whole microseconds apart, can outnumber the users.
    vars.due = 0;
    return done();
  }
  if (plan.newConnections) {
    // Artillery's own agents keep the user's connection alive whatever the request asks.
    context._httpAgent = new http.Agent({ keepAlive: false });
    context._httpsAgent = new https.Agent({ keepAlive: false });
  }
  const user = plan.users[vars.user];
  vars.uid = user.uid;
  vars.uidInUrl = user.uidInUrl;
  vars.session = user.session;
  vars.round = 0;
  vars.index = 0;
  markDue(vars);
  return done();
}

function sendWhenDue(request, context, events, done) {
  const vars = context.vars;
  const body = plan.bodies[vars.index]
    .split(plan.uidMark).join(vars.uid)
    .split(plan.sessionMark).join(vars.session);
  request.body = Buffer.from(body, 'utf8');
  const waitMs = Number(originNs + BigInt(vars.dueNs) - nowNs()) / 1e6;
  if (vars.index + 1 < plan.offsetsNs.length) {
    vars.index += 1;
  } else {
    vars.index = 0;
    vars.round += 1;
  }
  markDue(vars);
  if (waitMs <= 0)
    return done();
  setTimeout(done, waitMs);
}

function anotherRequestDue(context, next) {
  return next(context.vars.due === 1);
}

module.exports = { becomeNextUser, sendWhenDue, anotherRequestDue };
)js";

} // namespace studio
