CREATE TABLE IF NOT EXISTS shipments (
    order_id        VARCHAR(200) NOT NULL PRIMARY KEY,
    tracking_number VARCHAR(40)  NOT NULL,
    address         VARCHAR(200) NOT NULL
);
