-- Lists show the most recently changed records first: an index in that order lets a page of a town's 200,000 people
-- be read from its top instead of sorting them all.
create index bd_person_recent_idx on bd_person (updated_at desc, id desc);
create index bd_house_recent_idx on bd_house (updated_at desc, id desc);
create index bd_place_recent_idx on bd_place (updated_at desc, id desc);
create index bd_organization_recent_idx on bd_organization (updated_at desc, id desc);
create index bd_thing_recent_idx on bd_thing (updated_at desc, id desc);
create index bd_dispute_recent_idx on bd_dispute (updated_at desc, id desc);
