#!/bin/bash
# First start of the postgres container only: the runtime role the silos and frontend use. The schema owner is
# POSTGRES_USER (sunderfall), which the silos use to apply migrations; migrations grant sunderfall_app only what it
# needs (no UPDATE or DELETE on the audit log).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE sunderfall_app LOGIN PASSWORD '${APP_DB_PASSWORD}';
SQL
