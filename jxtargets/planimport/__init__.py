"""`jxtargets plan import`: a plan's main-indicator table into catalogue YAML."""
