import ipaddr from 'ipaddr.js';

/** How much of an IPv6 address names one client: a /64 is what a provider hands a single subscriber. */
const IPV6_CLIENT_PREFIX = 64;

/**
 * The unit in which client addresses are counted: an IPv4 address (also when written IPv4-mapped,
 * `::ffff:1.2.3.4`), or the /64 network of an IPv6 address — counting single IPv6 addresses would let
 * one client rotate through the 2^64 addresses it is given. Anything else is kept as it is.
 */
export function clientNetworkOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/${IPV6_CLIENT_PREFIX}`).toRFC5952String()}/${IPV6_CLIENT_PREFIX}`;
}
