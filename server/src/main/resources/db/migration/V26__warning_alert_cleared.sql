-- 已消除: the sweep closes an open alert whose condition no longer holds (status CLEARED, closed_at, closed_by null = the system).
alter table warning_alert drop constraint warning_alert_status_check;
alter table warning_alert add constraint warning_alert_status_check
    check (status in ('NEW', 'ACKNOWLEDGED', 'CONVERTED', 'DISMISSED', 'CLEARED'));
