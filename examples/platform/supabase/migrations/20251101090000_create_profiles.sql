create table public.profiles (
  id uuid primary key,
  username text unique,
  updated_at timestamptz default now()
);

alter table public.profiles enable row level security;
