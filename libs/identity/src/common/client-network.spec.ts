import { clientNetworkOf } from './client-network';

describe('clientNetworkOf (the unit login failures are counted in)', () => {
  it('keeps an IPv4 address, also when it is written IPv4-mapped', () => {
    expect(clientNetworkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetworkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address as its /64, so a client cannot rotate through its own addresses', () => {
    expect(clientNetworkOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientNetworkOf('2001:db8:1:2::9')).toBe(clientNetworkOf('2001:db8:1:2:ffff::1'));
    expect(clientNetworkOf('2001:db8:1:3::1')).not.toBe(clientNetworkOf('2001:db8:1:2::1'));
  });

  it('keeps what is not an address as it is', () => {
    expect(clientNetworkOf('unknown')).toBe('unknown');
  });
});
