"""The reader's address: the one answer used alike by login throttling (django-axes, AXES_CLIENT_IP_CALLABLE),
the public forms' limits, the password reset limit and view counting (docs/abuse-limits.md).

Every header naming a client address can be written by the client. Only the proxies the operator declares are
believed, and only the part of X-Forwarded-For that they wrote:
- no proxy (the default): the address of the connection, REMOTE_ADDR; X-Forwarded-For is ignored;
- TRUSTED_PROXY_COUNT = N proxies in front of the application, each appending the address it received the request
  from (nginx: $proxy_add_x_forwarded_for): the N-th entry from the right of X-Forwarded-For, whatever a client
  put to the left of it;
- TRUSTED_PROXY_ADDRESSES: the proxy next to the application connects from these addresses or networks; a
  request from anywhere else reached the application directly, and its X-Forwarded-For is ignored.

django-ipware (its modern engine) parses the header and picks the entry; the choice of what to trust is made
here, from the settings, so that every user of the address agrees."""

import ipaddress
from functools import lru_cache

from django.conf import settings
from ipware import get_client_ip


@lru_cache(maxsize=8)
def _trusted_networks(addresses):
    return tuple(ipaddress.ip_network(address, strict=False) for address in addresses)


def _from_trusted_proxy(remote_addr):
    addresses = tuple(settings.TRUSTED_PROXY_ADDRESSES)
    if not addresses:
        return True  # only a count given: the operator vouches that nothing else can reach the application
    try:
        peer = ipaddress.ip_address(remote_addr)
    except ValueError:
        return False
    if isinstance(peer, ipaddress.IPv6Address) and peer.ipv4_mapped:
        peer = peer.ipv4_mapped
    return any(peer.version == network.version and peer in network for network in _trusted_networks(addresses))


def trusted_proxy_count():
    count = settings.TRUSTED_PROXY_COUNT
    if not count and settings.TRUSTED_PROXY_ADDRESSES:
        return 1  # addresses without a count: one proxy
    return count


def client_ip(request):
    """The address requests are limited and counted by, as text ("" only when the server gave none)."""
    remote_addr = request.META.get("REMOTE_ADDR") or ""
    count = trusted_proxy_count()
    if count and _from_trusted_proxy(remote_addr):
        # The last proxy is the connection itself (REMOTE_ADDR), not in the header: the client is the count-th
        # entry from the right, which ipware calls "count - 1 proxies after the client". Not strict: a longer
        # chain is a client's own X-Forwarded-For with ours appended, and only its right end is believed.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=count - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    address, _routable = get_client_ip(request, request_header_order=["REMOTE_ADDR"])
    return address or remote_addr


def limited_address(address):
    """What a limit counts by: the address, but for IPv6 its /64 network. A household or a server usually gets a
    whole /64 and can change its address within it at will, so counting single IPv6 addresses would let one
    client take a new slot with every request."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
