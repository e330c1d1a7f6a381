# METADATA
# title: Helpers shared by the checks
# description: >-
#   Environment facts computed by the host (input.facts). A deny(prod) check denies when
#   prod holds and warns otherwise; see policies/README.md.
package stackc.lib.env

# The stack is a production stack: deny(prod) checks deny, elsewhere they warn.
prod if input.facts.environment == "prod"
