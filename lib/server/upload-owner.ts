import 'server-only';
import { hashSecret, newSecret, ownerCookie, type RequestViewer } from './viewer';

/**
 * Who owns what this request stores: the secrets it holds, and a browser's owner secret, made on
 * its first upload and set as its cookie on the answer (`withCookie`), so that the browser finds its
 * uploads listed again. A client that keeps no cookies (curl) holds its upload by the answer's token.
 */
export function uploadOwner(viewer: RequestViewer, request: Request, publish: boolean) {
  const secret = viewer.ownerSecret ? null : newSecret();
  const keys = secret ? [...viewer.keys, hashSecret(secret)] : viewer.keys;
  return {
    owner: { keys, publish },
    withCookie(response: Response): Response {
      if (secret && response.ok) response.headers.append('Set-Cookie', ownerCookie(secret, request));
      return response;
    },
  };
}
