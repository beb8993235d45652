import { createHash } from 'node:crypto';
import { type ContentInfo, SignedData, id_signedData } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { MessageImprint, PKIStatus, TimeStampReq, TimeStampResp, TSTInfo, id_ct_tstInfo } from '@peculiar/asn1-tsp';
import { OID } from './cms-attributes.js';
import { randomPositiveInteger } from './der-integer.js';

/**
 * RFC 3161 time-stamping over HTTP (RFC 3161 §3.4): the PDF signature's value is sent as a
 * SHA-256 imprint with a fresh nonce, and the token the authority returns is checked to be
 * for that imprint and nonce before it goes into the signature (PAdES baseline B-T). The
 * authority's own signature and certificate are for the verifier to judge, as with any TSA.
 */

export class TimestampError extends Error {
  override readonly name = 'TimestampError';
}

export interface TimestampAuthorityOptions {
  /** Default 10 s: a slow authority delays issuance, it must not hang it. */
  timeoutMs?: number;
  /** A TSA policy to ask for (reqPolicy); default the authority's own. */
  policy?: string;
}

/** A generous upper bound of a token's size: TSTInfo, signer info and a certificate chain. */
export const TIMESTAMP_TOKEN_ALLOWANCE = 12 * 1024;

export class TimestampAuthorityClient {
  private readonly timeoutMs: number;
  private readonly endpoint: string;
  private readonly authorization: string | undefined;
  /** The authority's address without credentials, for messages and logs. */
  readonly url: string;

  /**
   * `url` may carry HTTP basic credentials (`https://user:secret@tsa.example/`), as
   * subscription TSAs ask for; they go into an Authorization header and never into messages.
   */
  constructor(
    url: string,
    private readonly options: TimestampAuthorityOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const target = new URL(url);
    if (target.username !== '' || target.password !== '') {
      const user = decodeURIComponent(target.username);
      const password = decodeURIComponent(target.password);
      this.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
      target.username = '';
      target.password = '';
    }
    this.endpoint = target.toString();
    this.url = this.endpoint;
  }

  /** A DER TimeStampToken (a ContentInfo) over `data`. */
  async timestamp(data: Buffer): Promise<Buffer> {
    const imprint = createHash('sha256').update(data).digest();
    const nonce = randomPositiveInteger(8);
    const request = new TimeStampReq({
      version: 1,
      messageImprint: new MessageImprint({
        hashAlgorithm: new AlgorithmIdentifier({ algorithm: OID.sha256, parameters: null }),
        hashedMessage: new OctetString(imprint),
      }),
      reqPolicy: this.options.policy,
      nonce: toArrayBuffer(nonce),
      // The authority's certificate inside the token, so a verifier needs nothing else.
      certReq: true,
    });
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/timestamp-query',
          accept: 'application/timestamp-reply',
          ...(this.authorization === undefined ? {} : { authorization: this.authorization }),
        },
        body: Buffer.from(AsnConvert.serialize(request)),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new TimestampError(`The time-stamp authority ${this.url} did not answer: ${String(error)}`);
    }
    if (!response.ok) {
      throw new TimestampError(`The time-stamp authority ${this.url} answered HTTP ${response.status}`);
    }
    return checkedToken(Buffer.from(await response.arrayBuffer()), imprint, nonce);
  }
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer;
}

function checkedToken(body: Buffer, imprint: Buffer, nonce: Buffer): Buffer {
  let response: TimeStampResp;
  let info: TSTInfo;
  try {
    response = AsnConvert.parse(body, TimeStampResp);
    const { status, statusString } = response.status;
    if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
      throw new TimestampError(
        `The time-stamp authority refused (status ${status}${statusString ? `: ${statusString.join(' ')}` : ''})`,
      );
    }
    const token = response.timeStampToken;
    if (token?.contentType !== id_signedData) throw new TimestampError('The time-stamp response carries no token');
    const signedData = AsnConvert.parse(token.content, SignedData);
    const { eContentType, eContent } = signedData.encapContentInfo;
    const content = eContent?.single?.buffer ?? eContent?.any;
    if (eContentType !== id_ct_tstInfo || content === undefined) {
      throw new TimestampError('The time-stamp token does not hold a TSTInfo');
    }
    info = AsnConvert.parse(content, TSTInfo);
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError(`The time-stamp response is not RFC 3161: ${(error as Error).message}`);
  }
  const { hashAlgorithm, hashedMessage } = info.messageImprint;
  if (hashAlgorithm.algorithm !== OID.sha256 || !Buffer.from(hashedMessage.buffer).equals(imprint)) {
    throw new TimestampError('The time-stamp token is for other data than the signature');
  }
  if (info.nonce === undefined || !sameInteger(Buffer.from(info.nonce), nonce)) {
    throw new TimestampError('The time-stamp token does not answer this request (nonce)');
  }
  // The token goes into the signature byte for byte as the authority signed it: it ends the
  // response, so a re-encoding that is not that suffix means it was not DER to begin with.
  const token = Buffer.from(AsnConvert.serialize(response.timeStampToken as ContentInfo));
  if (!body.subarray(body.length - token.length).equals(token)) {
    throw new TimestampError('The time-stamp token is not DER-encoded');
  }
  return token;
}

/** INTEGER contents compared by value (a leading zero byte is only padding). */
function sameInteger(a: Buffer, b: Buffer): boolean {
  const strip = (x: Buffer): Buffer => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    return x.subarray(i);
  };
  return strip(a).equals(strip(b));
}
