#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent ODK encrypted-submission decryptor, written from the format description
(docs: reference/odk-encryption.md), not from Chorus's C++. It uses python3-cryptography only.

  odk_decrypt.py decrypt --key PRIVATE.pem --dir ENVELOPE_DIR [--out DIR]
  odk_decrypt.py selftest --seal-tool PATH --work DIR [--open-tool PATH]

`selftest` generates an RSA-2048 key, has Chorus's seal tool encrypt several submissions,
decrypts them here and compares plaintext and signature; it also proves that a key wrapped
with MGF1-SHA-1 is refused. With --open-tool it also runs the other way: envelopes encrypted
here are opened by Chorus. Exit status 0 only if every check passed.
"""
import argparse
import base64
import hashlib
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def local(tag):
    return tag.rsplit('}', 1)[-1]


def parse_manifest(data):
    root = ET.fromstring(data)
    if local(root.tag) != 'data' or root.get('encrypted') != 'yes':
        raise ValueError('not an encrypted-submission manifest')
    out = {'id': root.get('id'), 'version': root.get('version'), 'media': []}
    for el in root.iter():
        name = local(el.tag)
        text = (el.text or '').strip()
        if name == 'base64EncryptedKey':
            out['key'] = text
        elif name == 'instanceID':
            out['instanceID'] = text
        elif name == 'file':
            out['media'].append(text)
        elif name == 'encryptedXmlFile':
            out['xmlFile'] = text
        elif name == 'base64EncryptedElementSignature':
            out['signature'] = text
    return out


def oaep(mgf_hash):
    return padding.OAEP(mgf=padding.MGF1(algorithm=mgf_hash), algorithm=hashes.SHA256(), label=None)


def unwrap(private_key, b64, mgf_hash=None):
    return private_key.decrypt(base64.b64decode(b64, validate=True), oaep(mgf_hash or hashes.SHA256()))


def ivs(instance_id, key):
    seed = bytearray(hashlib.md5(instance_id.encode('utf-8') + key).digest())
    i = 0
    while True:
        seed[i % 16] = (seed[i % 16] + 1) & 0xff
        i += 1
        yield bytes(seed)


def aes_cfb_decrypt(key, iv, data):
    if len(data) == 0 or len(data) % 16:
        raise ValueError('ciphertext is not whole 16-byte blocks')
    dec = Cipher(algorithms.AES(key), modes.CFB(iv)).decryptor()
    plain = dec.update(data) + dec.finalize()
    pad = plain[-1]
    if not 1 <= pad <= 16 or plain[-pad:] != bytes([pad]) * pad:
        raise ValueError('bad PKCS#7 padding')
    return plain[:-pad]


def decrypt_envelope(private_key, manifest_bytes, files):
    """Returns (manifest dict, [(original name, plaintext)...] with the XML last, signature ok)."""
    m = parse_manifest(manifest_bytes)
    key = unwrap(private_key, m['key'])
    if len(key) != 32:
        raise ValueError('unwrapped key is not 32 bytes')
    iv = ivs(m['instanceID'], key)
    plain = []
    for name in m['media'] + [m['xmlFile']]:
        original = name[:-4] if name.endswith('.enc') else name
        plain.append((original, aes_cfb_decrypt(key, next(iv), files[name])))
    source = m['id'] + '\n'
    if m['version']:
        source += m['version'] + '\n'
    source += m['key'] + '\n' + m['instanceID'] + '\n'
    for original, data in plain:
        source += '%s::%s\n' % (original, hashlib.md5(data).hexdigest())
    digest = hashlib.md5(source.encode('utf-8')).digest()
    signature_ok = unwrap(private_key, m['signature']) == digest
    return m, plain, signature_ok


def aes_cfb_encrypt(key, iv, data):
    pad = 16 - len(data) % 16
    enc = Cipher(algorithms.AES(key), modes.CFB(iv)).encryptor()
    return enc.update(data + bytes([pad]) * pad) + enc.finalize()


def encrypt_envelope(public_key, form_id, version, instance_id, xml, attachments, namespace, out_dir,
                     corrupt_signature=False):
    """The same format produced independently, so Chorus's opener can be checked too."""
    key = os.urandom(32)
    wrapped = base64.b64encode(public_key.encrypt(key, oaep(hashes.SHA256()))).decode('ascii')
    iv = ivs(instance_id, key)
    os.makedirs(out_dir, exist_ok=True)
    source = form_id + '\n' + (version + '\n' if version else '') + wrapped + '\n' + instance_id + '\n'
    for name, data in attachments + [('submission.xml', xml)]:
        with open(os.path.join(out_dir, name + '.enc'), 'wb') as f:
            f.write(aes_cfb_encrypt(key, next(iv), data))
        source += '%s::%s\n' % (name, hashlib.md5(data).hexdigest())
    if corrupt_signature:
        source += 'x'
    signature = base64.b64encode(public_key.encrypt(hashlib.md5(source.encode('utf-8')).digest(),
                                                    oaep(hashes.SHA256()))).decode('ascii')
    version_attr = ' version="%s"' % version if version else ''
    media = ''.join('<media><file>%s.enc</file></media>' % name for name, _ in attachments)
    manifest = ('<data xmlns="%s" id="%s"%s encrypted="yes"><base64EncryptedKey>%s</base64EncryptedKey>'
                '<orx:meta xmlns:orx="http://openrosa.org/xforms"><orx:instanceID>%s</orx:instanceID></orx:meta>'
                '%s<encryptedXmlFile>submission.xml.enc</encryptedXmlFile>'
                '<base64EncryptedElementSignature>%s</base64EncryptedElementSignature></data>'
                % (namespace, form_id, version_attr, wrapped, instance_id, media, signature))
    with open(os.path.join(out_dir, 'submission.xml'), 'w') as f:
        f.write(manifest)


def read_dir(path):
    with open(os.path.join(path, 'submission.xml'), 'rb') as f:
        manifest = f.read()
    files = {}
    for name in os.listdir(path):
        if name.endswith('.enc'):
            with open(os.path.join(path, name), 'rb') as f:
                files[name] = f.read()
    return manifest, files


def cmd_decrypt(args):
    with open(args.key, 'rb') as f:
        private_key = serialization.load_pem_private_key(f.read(), password=None)
    manifest, files = read_dir(args.dir)
    m, plain, ok = decrypt_envelope(private_key, manifest, files)
    print('%s signature=%s' % (m['instanceID'], 'valid' if ok else 'INVALID'))
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        for name, data in plain:
            with open(os.path.join(args.out, name), 'wb') as f:
                f.write(data)
    return 0 if ok else 1


class Checks:
    def __init__(self):
        self.failures = 0

    def check(self, cond, what):
        print(('PASS ' if cond else 'FAIL ') + what)
        if not cond:
            self.failures += 1


def cmd_selftest(args):
    work = args.work
    shutil.rmtree(work, ignore_errors=True)  # no stale files from an earlier run
    os.makedirs(work)
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    spki = private_key.public_key().public_bytes(serialization.Encoding.DER,
                                                 serialization.PublicFormat.SubjectPublicKeyInfo)
    pub_path = os.path.join(work, 'council-rsa.pub')
    with open(pub_path, 'w') as f:
        f.write(base64.b64encode(spki).decode('ascii') + '\n')
    t = Checks()

    cases = [
        ('no-attachments', 'equality_2026', '2026-01', 'uuid:5b9cf8d1-106f-4004-844f-c072d76762ed',
         '<data id="equality_2026"><q1>yes</q1><q2>Ünïcødé — “quotes” &amp; 漢字</q2></data>'.encode('utf-8'), []),
        ('two-attachments-no-version', 'consult', '', 'uuid:0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
         b'<data id="consult"><photo>a.jpg</photo></data>', [('a.jpg', os.urandom(5000)), ('note.txt', b'x' * 32)]),
        ('block-aligned-and-empty', 'f', '1', 'uuid:11111111-2222-4333-8444-555555555555',
         b'0123456789abcdef' * 4, [('empty.bin', b'')]),
        ('seventeen-files', 'many', '3', 'uuid:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
         b'<data/>', [('f%02d.bin' % i, os.urandom(i * 7)) for i in range(17)]),
    ]
    for label, form_id, version, instance_id, xml, attachments in cases:
        case_dir = os.path.join(work, label)
        in_dir = os.path.join(case_dir, 'in')
        out_dir = os.path.join(case_dir, 'out')
        os.makedirs(in_dir, exist_ok=True)
        xml_path = os.path.join(in_dir, 'input.xml')
        with open(xml_path, 'wb') as f:
            f.write(xml)
        cmd = [args.seal_tool, '--pub', pub_path, '--form-id', form_id, '--instance-id', instance_id,
               '--xml', xml_path, '--out', out_dir]
        if version:
            cmd += ['--form-version', version]
        for name, data in attachments:
            path = os.path.join(in_dir, name)
            with open(path, 'wb') as f:
                f.write(data)
            cmd += ['--attach', path]
        subprocess.run(cmd, check=True)
        manifest, files = read_dir(out_dir)
        try:
            m, plain, sig_ok = decrypt_envelope(private_key, manifest, files)
        except Exception as e:  # noqa: BLE001 - report and count
            t.check(False, '%s: decrypts (%s)' % (label, e))
            continue
        expected = attachments + [('submission.xml', xml)]
        t.check(plain == expected, '%s: plaintext of every file matches, in order' % label)
        t.check(sig_ok, '%s: signature element verifies' % label)
        t.check(m['id'] == form_id and m['instanceID'] == instance_id, '%s: ids in manifest' % label)
        t.check(m['version'] == (version or None), '%s: version attribute %s' %
                (label, 'present' if version else 'omitted (never version="")'))
        t.check(m['media'] == [n + '.enc' for n, _ in attachments] and m['xmlFile'] == 'submission.xml.enc',
                '%s: media order and submission.xml.enc' % label)
        t.check('\n' not in m['key'] and '\n' not in m['signature'], '%s: base64 has no line breaks' % label)

    # The classic mistake: OAEP-SHA-256 with MGF1-SHA-1. A decryptor doing it right must refuse.
    sha1_dir = os.path.join(work, 'mgf1-sha1')
    xml_path = os.path.join(work, 'sha1.xml')
    with open(xml_path, 'wb') as f:
        f.write(b'<data id="f"><q>secret</q></data>')
    subprocess.run([args.seal_tool, '--pub', pub_path, '--form-id', 'f', '--instance-id',
                    'uuid:12345678-1234-4234-8234-123456789abc', '--xml', xml_path, '--out', sha1_dir,
                    '--mgf1-sha1'], check=True)
    manifest, files = read_dir(sha1_dir)
    try:
        decrypt_envelope(private_key, manifest, files)
        refused = False
    except ValueError:
        refused = True
    t.check(refused, 'mgf1-sha1: an MGF1-SHA-256 decryptor refuses a key wrapped with MGF1-SHA-1')
    m = parse_manifest(manifest)
    try:
        really_sha1 = len(unwrap(private_key, m['key'], hashes.SHA1())) == 32
    except ValueError:
        really_sha1 = False
    t.check(really_sha1, 'mgf1-sha1: the wrap is a genuine MGF1-SHA-1 wrap (so the refusal is about the hash)')

    # The other direction: envelopes made here, opened by Chorus (odk_open_tool).
    if args.open_tool:
        pem_path = os.path.join(work, 'council-rsa.pem')
        with open(pem_path, 'wb') as f:
            f.write(private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
        reverse = [
            ('py-spec-namespace', 'http://opendatakit.org/submissions', '2026-01', False),
            ('py-collect-namespace', 'http://www.opendatakit.org/xforms/encrypted', '', False),
            ('py-bad-signature', 'http://opendatakit.org/submissions', '1', True),
        ]
        attachments = [('photo.jpg', os.urandom(777)), ('blank.txt', b'')]
        xml = '<data id="eq"><q>Ünïcødé</q></data>'.encode('utf-8')
        for label, namespace, version, corrupt in reverse:
            env_dir = os.path.join(work, label, 'envelope')
            out_dir = os.path.join(work, label, 'opened')
            encrypt_envelope(private_key.public_key(), 'eq', version, 'uuid:' + label, xml, attachments, namespace,
                             env_dir, corrupt_signature=corrupt)
            run = subprocess.run([args.open_tool, '--key', pem_path, '--dir', env_dir, '--out', out_dir],
                                 capture_output=True, text=True)
            t.check(run.returncode == 0, '%s: Chorus opens it (%s)' % (label, run.stderr.strip()))
            if run.returncode != 0:
                continue
            expected = 'uuid:%s signature=%s' % (label, 'INVALID' if corrupt else 'valid')
            t.check(run.stdout.strip() == expected, '%s: Chorus reports "%s"' % (label, expected))
            got = {}
            for name in os.listdir(out_dir):
                with open(os.path.join(out_dir, name), 'rb') as f:
                    got[name] = f.read()
            t.check(got == dict(attachments + [('submission.xml', xml)]), '%s: Chorus plaintext matches' % label)

    print('%d failure(s)' % t.failures)
    return 1 if t.failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='command', required=True)
    d = sub.add_parser('decrypt')
    d.add_argument('--key', required=True)
    d.add_argument('--dir', required=True)
    d.add_argument('--out')
    s = sub.add_parser('selftest')
    s.add_argument('--seal-tool', required=True)
    s.add_argument('--work', required=True)
    s.add_argument('--open-tool')
    args = parser.parse_args()
    return cmd_decrypt(args) if args.command == 'decrypt' else cmd_selftest(args)


if __name__ == '__main__':
    sys.exit(main())
