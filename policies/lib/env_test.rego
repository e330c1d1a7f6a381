package stackc.lib.env_test

import data.stackc.lib.env

test_prod if env.prod with input as {"facts": {"environment": "prod"}}

test_staging_is_not_prod if not env.prod with input as {"facts": {"environment": "staging"}}

# Facts missing altogether (a malformed host call) must not count as prod or crash.
test_missing_facts_is_not_prod if not env.prod with input as {}
