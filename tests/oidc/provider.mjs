// A real OpenID provider (node-oidc-provider, OpenID certified) for the single sign-on tests.
//
// Started by tests/oidc/server.py on 127.0.0.1 with a free port; prints one JSON line with its
// issuer when it listens. The tests sign in through /interaction/<uid> (a form: account id,
// claims as JSON, amr and acr), like a person would at their organisation's sign-in page.
// POST /_test/tamper {"tamper": "aud" | "exp" | "sig" | "nonce" | "resign" | null} makes the next token
// responses carry an ID token that is wrong in that one way, so the tests see that the
// client refuses it ("resign" changes nothing but re-signs: the control case). Nothing is fetched from outside; everything stays in memory.
import http from 'node:http';
import crypto from 'node:crypto';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS || '[]');
const accounts = new Map(); // account id -> claims given at sign-in
let tamper = null;

let handler = (req, res) => { res.statusCode = 503; res.end(); };
const server = http.createServer((req, res) => handler(req, res));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

async function signingKey() {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  return { ...jwk, kid: 'test-key-1', use: 'sig', alg: 'RS256' };
}
const realKey = await signingKey();
const rogueKey = await signingKey(); // same kid, not published: a forged signature

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [realKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub', 'acr', 'amr', 'tid', 'brin', 'schac_home_organization'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  conformIdTokenClaims: false, // like Entra ID and Google: claims of the scopes in the ID token
  acrValues: ['urn:test:pwd', 'urn:test:mfa'],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, ...(accounts.get(id) || {}) }),
  }),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
  });
}

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const loginPage = (uid) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Test provider sign-in</title></head><body><main><h1>Test provider sign-in</h1>
<form method="post" action="/interaction/${escape(uid)}">
<label for="account">Account</label><input id="account" name="account" value="alice">
<label for="claims">Claims (JSON)</label><textarea id="claims" name="claims">{}</textarea>
<label for="amr">amr (comma separated)</label><input id="amr" name="amr" value="pwd">
<label for="acr">acr</label><input id="acr" name="acr" value="">
<button type="submit">Sign in</button></form></main></body></html>`;

async function grantConsent(ctx, details) {
  const { prompt: { details: missing }, params, session } = details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  return provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([\w-]+)$/);
  if (match) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === 'consent') return grantConsent(ctx, details);
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = loginPage(details.uid);
      return;
    }
    const form = new URLSearchParams(await readBody(ctx.req));
    const accountId = form.get('account');
    accounts.set(accountId, JSON.parse(form.get('claims') || '{}'));
    const amr = (form.get('amr') || '').split(',').filter(Boolean);
    const login = { accountId, amr };
    if (form.get('acr')) login.acr = form.get('acr');
    return provider.interactionFinished(ctx.req, ctx.res, { login }, { mergeWithLastSubmission: false });
  }
  if (ctx.path === '/_test/tamper' && ctx.method === 'POST') {
    tamper = JSON.parse(await readBody(ctx.req)).tamper || null;
    ctx.body = { tamper };
    return;
  }
  await next();
  if (ctx.path === '/token' && tamper && ctx.body && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: await forge(ctx.body.id_token) };
  }
});

async function forge(idToken) {
  const claims = jose.decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  if (tamper === 'aud') claims.aud = 'another-client';
  if (tamper === 'exp') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  if (tamper === 'nonce') claims.nonce = 'not-the-nonce';
  const key = await jose.importJWK(tamper === 'sig' ? rogueKey : realKey, 'RS256');
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: realKey.kid }).sign(key);
}

provider.on('server_error', (ctx, err) => console.error('server_error', err));
handler = provider.callback();
process.stdout.write(JSON.stringify({ issuer }) + '\n');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
