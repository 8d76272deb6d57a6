// Makes tests/fixtures/share/webcrypto-vector.json, which tests/share.rs
// decrypts with RustCrypto: PBKDF2-SHA256 then AES-256-GCM with
// associated data, as the app does in the browser with WebCrypto.
//   node scripts/make-share-vector.mjs > tests/fixtures/share/webcrypto-vector.json
const enc = new TextEncoder();
const pass = 'apple river candle tiger spoon';
const salt = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
const nonce = Uint8Array.from({ length: 12 }, (_, i) => 100 + i);
const aad = Uint8Array.from([1, 1, 0, 9, 39, 192, ...salt, ...nonce]);
const plain = enc.encode('Week 3: mood 4.5 out of 5');
const base = await crypto.subtle.importKey('raw', enc.encode(pass), 'PBKDF2', false, ['deriveKey']);
const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad }, key, plain));
const hex = (b) => Buffer.from(b).toString('hex');
console.log(JSON.stringify({ made_by: `Node ${process.version} WebCrypto`, passphrase: pass, iterations: 600000, salt: hex(salt), nonce: hex(nonce), aad: hex(aad), plaintext: 'Week 3: mood 4.5 out of 5', ciphertext: hex(ct) }, null, 2));
