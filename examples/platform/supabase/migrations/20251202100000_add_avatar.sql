alter table public.profiles add column avatar_url text;
