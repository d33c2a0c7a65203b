-- Supabase keeps sessions in auth.sessions; this makes the same table where no Supabase auth schema exists
-- (a local PostgreSQL), so the security-incident procedure runs there too. On Supabase it changes nothing.
create schema if not exists auth;
create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null,
  created_at timestamptz default now()
);
