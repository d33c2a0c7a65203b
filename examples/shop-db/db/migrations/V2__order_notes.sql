-- expand step: a new table and a nullable column; nothing the running application uses changes
CREATE TABLE order_notes (
    order_id bigint NOT NULL,
    note text NOT NULL
);
ALTER TABLE orders ADD COLUMN channel text;
ALTER TABLE order_notes ADD CONSTRAINT order_notes_order FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
