# METADATA
# title: Helpers shared by the checks
# description: >-
#   Where the network settings live. A stack with its own VPC has them under spec.network; a
#   kind Network manifest (its own policy input, input.model.kind == "Network") has them
#   under spec; a stack in a shared network (input.model.network) has none of its own: its
#   network findings point at spec.network.use, the line that puts it there.
package stackc.lib.network

# The input is a kind: Network manifest.
manifest if input.model.kind == "Network"

# The input is a stack that lives in a shared network.
shared if is_object(input.model.network)

# The manifest path of a network setting (natGateways, flowLogs, cidr, zones, ...).
path(setting) := ["spec", "network", "use"] if shared

else := ["spec", setting] if manifest

else := ["spec", "network", setting]
